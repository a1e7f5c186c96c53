/** Whether a process with this pid exists, for tests that check nothing outlives a run. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
