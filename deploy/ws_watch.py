#!/usr/bin/env python3
"""Minimal WebSocket watcher (standard library only) for deploy/scale-test.sh.

Usage: ws_watch.py HOST PORT PATH TOKEN OUT.json [TIMEOUT_S]
Connects to ws://HOST:PORT/PATH with a bearer token, reads frames until the server closes, and writes
{"events": [[seq, receipt_wall_time_s], ...], "frames": [frame types...], "summary": status|null, "close": code}.
"""
import base64, hashlib, json, os, socket, struct, sys, time

def read_exact(sock, n):
    buf = b""
    while len(buf) < n:
        part = sock.recv(n - len(buf))
        if not part:
            raise EOFError("connection closed")
        buf += part
    return buf

def read_frame(sock):
    """One server frame (servers never mask): (fin, opcode, payload)."""
    b0, b1 = read_exact(sock, 2)
    n = b1 & 0x7F
    if n == 126:
        n = struct.unpack(">H", read_exact(sock, 2))[0]
    elif n == 127:
        n = struct.unpack(">Q", read_exact(sock, 8))[0]
    mask = read_exact(sock, 4) if b1 & 0x80 else None
    data = read_exact(sock, n)
    if mask:
        data = bytes(c ^ mask[i % 4] for i, c in enumerate(data))
    return b0 & 0x80, b0 & 0x0F, data

def main():
    host, port, path, token, out = sys.argv[1:6]
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 60
    sock = socket.create_connection((host, int(port)), timeout=timeout)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Authorization: Bearer {token}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += read_exact(sock, 1)
    status = head.split(b"\r\n")[0]
    accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
    if b" 101 " not in status or accept not in head:
        raise SystemExit(f"handshake failed: {head!r}")
    result = {"events": [], "frames": [], "summary": None, "close": None}
    message, deadline = b"", time.time() + timeout
    while time.time() < deadline:
        try:
            fin, op, data = read_frame(sock)
        except (EOFError, socket.timeout):
            break
        if op == 8:
            result["close"] = struct.unpack(">H", data[:2])[0] if len(data) >= 2 else None
            break
        if op in (1, 0):
            message += data
            if not fin:
                continue
            now = time.time()
            frame = json.loads(message)
            message = b""
            result["frames"].append(frame.get("frame"))
            if frame.get("frame") == "events":
                result["events"].extend([e["seq"], now] for e in frame["events"])
            elif frame.get("frame") == "summary":
                result["summary"] = frame["run"]["status"]
    sock.close()
    with open(out, "w") as f:
        json.dump(result, f)

if __name__ == "__main__":
    main()
