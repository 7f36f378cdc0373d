// Produces reference data from the real Yjs for the C# tests.
//   node yjs-scenarios.mjs <node_modules> generate <firstSeed> <count> <steps>
//   node yjs-scenarios.mjs <node_modules> read      (stdin: JSON array of base64 updates)
//   node yjs-scenarios.mjs <node_modules> tiptap
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'

const [nodeModules, mode, ...args] = process.argv.slice(2)
// Everything as ES modules from one place, so that y-prosemirror shares this Yjs instance.
const load = path => import(pathToFileURL(join(nodeModules, path)).href)
const Y = await load('yjs/dist/yjs.mjs')
const b64 = u => Buffer.from(u).toString('base64')
const unb64 = s => new Uint8Array(Buffer.from(s, 'base64'))

// Small seeded generator (mulberry32), so a failing seed can be replayed.
const rng = seed => () => {
  seed = (seed + 0x6D2B79F5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const canonical = v => JSON.stringify(v, (_, x) => x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : 1)) : x)

// Delta ops with equal attributes are one run in C#; Yjs may split them at format items.
const runs = delta => {
  const out = []
  for (const op of delta) {
    const text = typeof op.insert === 'string' ? op.insert : ''
    const marks = op.attributes ?? {}
    const last = out[out.length - 1]
    if (typeof op.insert === 'string' && last && last.string && canonical(last.marks) === canonical(marks)) last.text += text
    else out.push({ text, marks, string: typeof op.insert === 'string' })
  }
  return out.map(({ text, marks }) => ({ text, marks }))
}

const xml = node => node instanceof Y.XmlText
  ? { runs: runs(node.toDelta()) }
  : { name: node.nodeName, attributes: node.getAttributes(), children: node.toArray().map(xml) }

const read = doc => ({
  fragment: doc.getXmlFragment('prosemirror').toArray().map(xml),
  map: doc.getMap('elements').toJSON(),
  text: doc.getText('title').toString()
})

const readUpdate = update => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return read(doc)
}

const words = ['hello', 'world', 'ä', 'ß', '😀', '𝄞x', 'note', ' ', 'TipTap', '👍🏽']
const marks = [{ bold: {} }, { italic: {} }, { link: { href: 'https://example.org' } }, { bold: null }, { code: {} }]

const randomElement = r => ({
  id: 'el' + Math.floor(r() * 6),
  type: ['rectangle', 'ellipse', 'arrow', 'text'][Math.floor(r() * 4)],
  x: Math.round(r() * 1000) - 500, y: r() * 100, version: Math.floor(r() * 50), isDeleted: r() < 0.1,
  points: r() < 0.5 ? [[0, 0], [r(), Math.floor(r() * 9)]] : null, label: r() < 0.3 ? { text: 'a "q" 😀' } : {}
})

const edit = (doc, r) => {
  const pick = n => Math.floor(r() * n)
  const word = () => words[pick(words.length)]
  const kind = r()
  if (kind < 0.45) {
    const frag = doc.getXmlFragment('prosemirror')
    const blocks = frag.toArray()
    const op = r()
    if (blocks.length === 0 || op < 0.2) {
      const el = new Y.XmlElement(r() < 0.7 ? 'paragraph' : 'heading')
      if (el.nodeName === 'heading') el.setAttribute('level', 1 + pick(3))
      const t = new Y.XmlText()
      el.insert(0, [t])
      t.insert(0, word(), r() < 0.5 ? marks[pick(3)] : undefined)
      frag.insert(pick(blocks.length + 1), [el])
    } else if (op < 0.3) {
      const i = pick(blocks.length)
      frag.delete(i, 1 + pick(Math.min(2, blocks.length - i)))
    } else if (op < 0.35) {
      blocks[pick(blocks.length)].setAttribute('level', pick(4))
    } else {
      const el = blocks[pick(blocks.length)]
      const t = el.get(0)
      if (!(t instanceof Y.XmlText)) return
      const len = t.length
      const o = r()
      if (o < 0.5) t.insert(pick(len + 1), word(), r() < 0.4 ? marks[pick(marks.length)] : undefined)
      else if (o < 0.75 && len > 0) { const i = pick(len); t.delete(i, 1 + pick(Math.min(5, len - i))) }
      else if (len > 0) { const i = pick(len); t.format(i, 1 + pick(len - i), marks[pick(marks.length)]) }
    }
  } else if (kind < 0.75) {
    const map = doc.getMap('elements')
    const key = 'el' + pick(6)
    if (r() < 0.2) map.delete(key)
    else map.set(key, randomElement(r))
  } else {
    const text = doc.getText('title')
    if (r() < 0.65 || text.length === 0) text.insert(pick(text.length + 1), word())
    else { const i = pick(text.length); text.delete(i, 1 + pick(Math.min(4, text.length - i))) }
  }
}

const scenario = (seed, steps) => {
  const r = rng(seed)
  const docs = Array.from({ length: 2 + Math.floor(r() * 3) }, (_, i) => {
    const doc = new Y.Doc({ gc: r() < 0.5 })
    doc.clientID = 1 + Math.floor(r() * 2 ** (r() < 0.5 ? 8 : 31))
    return doc
  })
  const updates = []
  const received = docs.map(() => new Set())
  docs.forEach((doc, d) => doc.on('update', (u, origin) => {
    if (origin !== 'remote') { received[d].add(updates.length); updates.push(u) }
  }))
  const svs = []
  for (let step = 0; step < steps; step++) {
    const d = Math.floor(r() * docs.length)
    if (r() < 0.8) {
      docs[d].transact(() => { edit(docs[d], r); if (r() < 0.3) edit(docs[d], r) })
    } else {
      // Deliver a random subset of unseen updates in random order; Yjs holds back what cannot apply yet.
      const unseen = updates.map((_, i) => i).filter(i => !received[d].has(i) && r() < 0.7)
      unseen.sort(() => r() - 0.5)
      for (const i of unseen) { received[d].add(i); Y.applyUpdate(docs[d], updates[i], 'remote') }
      svs.push(Y.encodeStateVector(docs[d]))
    }
  }
  svs.push(new Uint8Array([0]))
  const merged = Y.mergeUpdates(updates)
  const half = Y.mergeUpdates(updates.filter((_, i) => i % 2 === 0))
  return {
    seed,
    updates: updates.map(b64),
    expected: readUpdate(merged),
    merged: b64(merged),
    half: b64(half),
    stateVector: b64(Y.encodeStateVectorFromUpdate(merged)),
    halfStateVector: b64(Y.encodeStateVectorFromUpdate(half)),
    diffs: svs.slice(-4).map(sv => ({ sv: b64(sv), diff: b64(Y.diffUpdate(merged, sv)), halfDiff: b64(Y.diffUpdate(half, sv)) }))
  }
}

const tiptap = async () => {
  const { Schema } = await load('prosemirror-model/dist/index.js')
  const { prosemirrorJSONToYDoc } = await load('y-prosemirror/src/y-prosemirror.js')
  // Node and mark names as TipTap's StarterKit registers them.
  const schema = new Schema({
    nodes: {
      doc: { content: 'block+' },
      paragraph: { group: 'block', content: 'inline*' },
      heading: { group: 'block', content: 'inline*', attrs: { level: { default: 1 } } },
      bulletList: { group: 'block', content: 'listItem+' },
      orderedList: { group: 'block', content: 'listItem+', attrs: { start: { default: 1 } } },
      listItem: { content: 'paragraph block*' },
      blockquote: { group: 'block', content: 'block+' },
      codeBlock: { group: 'block', content: 'text*', marks: '', attrs: { language: { default: null } } },
      text: { group: 'inline' },
      hardBreak: { group: 'inline', inline: true }
    },
    marks: { bold: {}, italic: {}, strike: {}, code: {}, link: { attrs: { href: {}, target: { default: '_blank' } } } }
  })
  const t = (text, ...marks) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) })
  const json = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [t('Meeting notes 📝')] },
      { type: 'paragraph', content: [t('Plain, '), t('bold', { type: 'bold' }), t(' and '), t('both', { type: 'bold' }, { type: 'italic' }), { type: 'hardBreak' }, t('link', { type: 'link', attrs: { href: 'https://opentalk.eu', target: '_blank' } })] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('first '), t('x', { type: 'strike' })] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [t('second', { type: 'code' })] }] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('three')] }, { type: 'blockquote', content: [{ type: 'paragraph', content: [t('quoted')] }] }] }] },
      { type: 'codeBlock', attrs: { language: 'csharp' }, content: [t('var x = 1;\n')] },
      { type: 'paragraph' }
    ]
  }
  const doc = prosemirrorJSONToYDoc(schema, json, 'prosemirror')
  const update = Y.encodeStateAsUpdate(doc)
  return { update: b64(update), expected: readUpdate(update) }
}

if (mode === 'generate') {
  const [first, count, steps] = args.map(Number)
  const out = []
  for (let s = first; s < first + count; s++) out.push(scenario(s, steps))
  process.stdout.write(JSON.stringify(out))
} else if (mode === 'read') {
  const input = JSON.parse(readFileSync(0, 'utf8'))
  process.stdout.write(JSON.stringify(input.map(u => readUpdate(unb64(u)))))
} else if (mode === 'tiptap') {
  process.stdout.write(JSON.stringify(await tiptap()))
} else {
  console.error('unknown mode ' + mode)
  process.exit(2)
}
