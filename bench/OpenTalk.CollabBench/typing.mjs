// Typing in the meeting notes as the browsers' editor does it, with the real Yjs (the web app's node_modules): for each
// writer its own Y.Doc (clientID 1000 + i) adds a paragraph to the XmlFragment "default" (TipTap's) and types a line
// into it one character at a time, one transaction per keystroke. Each transaction's update (what y-websocket sends)
// is one base64 line of <out>/writer-<i>.txt; the first line is the new paragraph, then one line per character.
// Usage: node typing.mjs <out folder> <writers> <keystrokes per writer>
import { mkdirSync, writeFileSync } from 'node:fs';

const Y = await import(new URL('../../src/Web/node_modules/yjs/dist/yjs.mjs', import.meta.url).href);
const [out, writers, keystrokes] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const minutes = 'Agreed: the budget for the spring campaign stays as planned; Anna checks the printing costs by Friday, '
  + 'the venue is booked for the second week of May and the invitations go out once the speakers have confirmed. ';
mkdirSync(out, { recursive: true });
for (let i = 0; i < writers; i++) {
  const doc = new Y.Doc();
  doc.clientID = 1000 + i;
  const updates = [];
  doc.on('update', update => updates.push(Buffer.from(update).toString('base64')));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => { paragraph.insert(0, [text]); doc.getXmlFragment('default').insert(0, [paragraph]); });
  for (let k = 0; updates.length < keystrokes; k++)
    doc.transact(() => text.insert(k, minutes[k % minutes.length]));
  writeFileSync(`${out}/writer-${i}.txt`, updates.join('\n') + '\n');
}
