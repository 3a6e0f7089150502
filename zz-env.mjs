import {spawn} from 'node-pty';
const extra = JSON.parse(process.argv[2]);
const p = spawn(process.execPath, ['dist/cli.js', '--demo'], {cols: 100, rows: 20, env: {PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...extra}});
let bytes = 0; p.onData(d => bytes += d.length);
setTimeout(() => { console.log(JSON.stringify(extra), bytes); p.kill(); process.exit(0); }, 3000);
