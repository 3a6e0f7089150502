import {spawn} from 'node-pty';
import xterm from '@xterm/headless';
const [cols, rows, wait, ...args] = process.argv.slice(2);
const term = new xterm.Terminal({cols: +cols, rows: +rows, allowProposedApi: true});
const p = spawn(process.execPath, ['dist/cli.js', ...args], {cols: +cols, rows: +rows, env: {PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8', TZ: 'UTC'}});
let bytes = 0;
p.onData(d => { bytes += d.length; term.write(d); });
const keys = (process.env.KEYS ?? '').split('|').filter(Boolean);
let t = 0;
for (const k of keys) { const [ms, key] = k.split(':'); setTimeout(() => p.write(key === 'ENTER' ? '\r' : key === 'ESC' ? '\x1b' : key === 'DOWN' ? '\x1b[B' : key), +ms); }
setTimeout(() => {
  term.write('', () => {
    const b = term.buffer.active; const out = [];
    for (let i = 0; i < term.rows; i++) out.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    console.log(out.join('\n')); console.log('--- bytes', bytes);
    p.kill(); process.exit(0);
  });
}, +wait);
