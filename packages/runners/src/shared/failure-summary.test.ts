import { describe, expect, it } from 'vitest';
import { summarizeFailure } from './failure-summary';

const hostImportFailure = [
  '2025-06-01 10:00:00,001 INFO mooring_agent_host: host 0.1.0 starting import_boom from /agents',
  '2025-06-01 10:00:00,002 INFO mooring_agent_host.agent_loading: no env file at /agents/.env',
  "2025-06-01 10:00:01,003 ERROR mooring_agent_host: startup failed: agent 'import_boom' " +
    'failed to load: boom: missing MY_SECRET setting',
  'Traceback (most recent call last):',
  '  File "/opt/mooring/venv/lib/python3.11/site-packages/mooring_agent_host/agent_loading.py",' +
    ' line 40, in load',
  '    module = importlib.import_module(name)',
  '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/agents/import_boom/agent.py", line 3, in <module>',
  '    raise RuntimeError("boom: missing MY_SECRET setting")',
  'RuntimeError: boom: missing MY_SECRET setting',
];

/** pip 23 on a requirement with a broken marker, as the classic builder streams it. */
const pipBrokenMarker = [
  'Step 6/14 : RUN python3 -m pip install -r /opt/mooring/deps/requirements.txt',
  ' ---> Running in 0123456789ab',
  '\u001b[91mERROR: Exception:',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3/dist-packages/pip/_vendor/packaging/markers.py", line 278, in x',
  '    self._markers = _coerce_parse_result(MARKER.parseString(marker))',
  "pip._vendor.pyparsing.exceptions.ParseException: , found 'this'  (at char 0)",
  '',
  'During handling of the above exception, another exception occurred:',
  '',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3/dist-packages/pip/_internal/req/constructors.py", line 297, in y',
  '    markers = Marker(markers_as_string)',
  '              ^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/usr/lib/python3/dist-packages/pip/_vendor/packaging/markers.py", line 280, in z',
  '    raise InvalidMarker(',
  "pip._vendor.packaging.markers.InvalidMarker: Invalid marker: 'this line is broken', " +
    "parse error at 'this lin'\u001b[0m",
];

describe('summarizeFailure', () => {
  it("names the exception that ended a traceback, not the host's INFO lines", () => {
    const { cause } = summarizeFailure(hostImportFailure);
    expect(cause).toBe('RuntimeError: boom: missing MY_SECRET setting');
  });

  it('takes the last exception of a chained traceback, without its module path or escapes', () => {
    const { cause, tail } = summarizeFailure(pipBrokenMarker);
    expect(cause).toBe(
      "InvalidMarker: Invalid marker: 'this line is broken', parse error at 'this lin'",
    );
    expect(tail.join('\n')).not.toContain('\u001b');
  });

  it('finds an exception whose traceback header was already cut off', () => {
    const cut = hostImportFailure.slice(6);
    expect(cut[0]).not.toMatch(/Traceback/);
    expect(summarizeFailure(cut).cause).toBe('RuntimeError: boom: missing MY_SECRET setting');
  });

  it("reads a bare exception name, and an exception at the traceback header's indent", () => {
    const bare = [
      'Traceback (most recent call last):',
      '  File "x.py", line 1',
      'KeyboardInterrupt',
    ];
    expect(summarizeFailure(bare).cause).toBe('KeyboardInterrupt');
    const nested = [
      '  Traceback (most recent call last):',
      '    File "setup.py", line 9',
      '  OSError: no',
    ];
    expect(summarizeFailure(nested).cause).toBe('OSError: no');
  });

  it("picks pip's first ERROR line when there is no traceback", () => {
    const output = [
      'Looking in links: /opt/wheels',
      'ERROR: Could not find a version that satisfies the requirement nope==1 (from versions: -)',
      'ERROR: No matching distribution found for nope==1',
    ];
    expect(summarizeFailure(output).cause).toBe(
      'Could not find a version that satisfies the requirement nope==1 (from versions: -)',
    );
  });

  it("joins uv's error with the cause it gives on the next line", () => {
    const output = [
      "error: Couldn't parse requirement in `requirements.txt` at position 0",
      '  cause: Expected a quoted string or a valid marker name, found `this`',
      '         google-adk; this line is broken',
    ];
    expect(summarizeFailure(output).cause).toBe(
      "Couldn't parse requirement in `requirements.txt` at position 0: " +
        'Expected a quoted string or a valid marker name, found `this`',
    );
    const quoted = [
      "error: Couldn't parse requirement in `requirements.txt` at position 11",
      '  cause: Expected one of `@`, `(`, `<`, `=`, `>`, `~`, `!`, `;`, found `l`',
      '         this line is broken',
      '              ^',
    ];
    expect(summarizeFailure(quoted).cause).toMatch(/found `l` in "this line is broken"$/);
    const resolution = [
      '  × No solution found when resolving dependencies:',
      '  ╰─▶ Because nope was not found in the package registry, nothing works.',
    ];
    expect(summarizeFailure(resolution).cause).toBe(
      'No solution found when resolving dependencies: Because nope was not found in the package ' +
        'registry, nothing works.',
    );
  });

  it('skips an error line that only introduces what follows', () => {
    expect(summarizeFailure(['ERROR: Exception:', 'something odd']).cause).toBeUndefined();
  });

  it('finds no cause in ordinary output', () => {
    const output = [
      'INFO starting',
      'WARNING: Running pip as the root user',
      '/bin/sh: 1: x: not found',
    ];
    expect(summarizeFailure(output).cause).toBeUndefined();
    expect(summarizeFailure([]).cause).toBeUndefined();
  });

  it('keeps a bounded tail, indentation intact, and says when it cut lines', () => {
    expect(summarizeFailure(hostImportFailure, 3).tail).toEqual([
      '… (earlier lines are in Logs)',
      '  File "/agents/import_boom/agent.py", line 3, in <module>',
      '    raise RuntimeError("boom: missing MY_SECRET setting")',
      'RuntimeError: boom: missing MY_SECRET setting',
    ]);
    expect(summarizeFailure(['one', '', '  two  ']).tail).toEqual(['one', '  two']);
  });
});
