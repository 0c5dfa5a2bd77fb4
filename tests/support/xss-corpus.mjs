// Every XSS payload of ../shared/corpora/xss/ (DOMPurify's fixtures, H5SC, PayloadsAllTheThings),
// as { source, payload }. Read in place; never copied into the repository.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { corpora } from './paths.mjs';

export function loadXssPayloads() {
  const dir = path.join(corpora, 'xss');
  const payloads = [];
  for (const { payload } of JSON.parse(readFileSync(path.join(dir, 'dompurify-payloads.json'), 'utf8'))) {
    payloads.push({ source: 'dompurify', payload });
  }
  for (const { payload } of JSON.parse(readFileSync(path.join(dir, 'h5sc-vectors.json'), 'utf8'))) {
    payloads.push({ source: 'h5sc', payload });
  }
  const lists = path.join(dir, 'payloadsallthethings');
  for (const file of readdirSync(lists).sort()) {
    for (const line of readFileSync(path.join(lists, file), 'utf8').split('\n')) {
      if (line.trim()) payloads.push({ source: file, payload: line });
    }
  }
  return payloads;
}
