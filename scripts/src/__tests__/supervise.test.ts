import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { supervise } from '../supervise';

/** Real processes: one that crashes twice and then stays, one that keeps running beside it. */
describe('npm start supervision', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-supervise-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const waitFor = async (condition: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    return condition();
  };

  it('starts a crashed service again with a growing wait and never stops the others', async () => {
    const starts = path.join(dir, 'starts');
    const steady = path.join(dir, 'steady');
    const flakyPid = path.join(dir, 'flaky-pid');
    // The flaky service counts its starts, crashes on the first two, then runs until stopped.
    const flaky = `node -e "const fs=require('fs');fs.appendFileSync('${starts}','x');if(fs.readFileSync('${starts}','utf8').length<3)process.exit(3);fs.writeFileSync('${flakyPid}',String(process.pid));setInterval(()=>{},1000)"`;
    const stable = `node -e "require('fs').writeFileSync('${steady}',String(process.pid));setInterval(()=>{},1000)"`;
    const lines: string[] = [];
    const services = supervise(
      [
        { name: 'flaky', command: flaky },
        { name: 'steady', command: stable },
      ],
      { cwd: dir, firstDelayMs: 100, maxDelayMs: 1000, say: (line) => lines.push(line) },
    );
    try {
      expect(await waitFor(() => fs.existsSync(starts) && fs.readFileSync(starts, 'utf8').length === 3, 10_000)).toBe(true);
      expect(services.restarts.get('flaky')).toBe(2);
      expect(lines).toEqual([
        expect.stringMatching(/^\[flaky\] exited with code 3; starting it again in 0\.1 s \(crash 1 in a row\)/),
        expect.stringMatching(/^\[flaky\] exited with code 3; starting it again in 0\.2 s \(crash 2 in a row\)/),
      ]);
      // The steady one was started once and is still the same process.
      const pid = Number(fs.readFileSync(steady, 'utf8'));
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(services.restarts.has('steady')).toBe(false);

      // Killed from outside (kill -9 of the service's own process), it comes back; its neighbour is untouched.
      expect(await waitFor(() => fs.existsSync(flakyPid), 10_000)).toBe(true);
      process.kill(Number(fs.readFileSync(flakyPid, 'utf8')), 'SIGKILL');
      expect(await waitFor(() => services.restarts.get('flaky') === 3, 10_000)).toBe(true);
      expect(lines[2]).toMatch(/^\[flaky\] was stopped by SIGKILL; starting it again/);
      expect(() => process.kill(pid, 0)).not.toThrow();
    } finally {
      await services.stop();
    }
    // Stopping is for good: nothing is started again afterwards.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(services.commands.every((command) => command.state !== 'started')).toBe(true);
    expect(services.restarts.get('flaky')).toBe(3);
  }, 30_000);
});
