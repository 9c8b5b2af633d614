// /s/{slug}: a shared run or comparison, read-only; replays at a chosen speed and can be scrubbed.
export function initShared(root) {
}
