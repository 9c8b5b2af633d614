// JSON API calls (contract.md) with problem+json turned into one Error carrying the problem.

export class ProblemError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || ('The server answered ' + status));
    this.problem = problem;
    this.status = status;
  }
}

export async function api(method, url, body) {
  // JSON first; */* so text exports (text/x-python) are not refused with 406.
  const init = { method, headers: { Accept: 'application/json, */*;q=0.1' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ProblemError({ title: 'The server could not be reached', detail: 'Check that it is running and try again.' }, 0);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = { title: 'The server answered ' + response.status };
    if (type.includes('json')) problem = await response.json().catch(() => problem);
    throw new ProblemError(problem, response.status);
  }
  if (response.status === 204) return null;
  return type.includes('json') ? response.json() : response.text();
}

/** Plain words for a problem, e.g. "The graph is not valid: task 'b' depends on unknown task 'x'." */
export function describe(error) {
  const p = error.problem || {};
  const lines = [p.title || error.message];
  if (Array.isArray(p.errors) && p.errors.length) lines.push(p.errors.slice(0, 3).map(e => e.message).join('; '));
  else if (p.detail && p.detail !== p.title) lines.push(p.detail);
  return lines.join(': ');
}
