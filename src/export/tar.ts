import * as fs from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Writes files as an uncompressed POSIX ustar archive, which `tar`, 7-Zip and Windows' tar unpack. Sizes
 * must be known before each member, so the members are files on disk, streamed from there.
 */
export async function writeTar(members: readonly { name: string; path: string }[], out: Writable): Promise<void> {
  for (const member of members) {
    const { size } = await fs.promises.stat(member.path);
    await write(out, header(member.name, size));
    for await (const chunk of fs.createReadStream(member.path)) await write(out, chunk as Buffer);
    const padding = (512 - (size % 512)) % 512;
    if (padding > 0) await write(out, Buffer.alloc(padding));
  }
  await write(out, Buffer.alloc(1024));
}

function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  const field = (offset: number, length: number, text: string): void => {
    block.write(text, offset, length, 'ascii');
  };
  const octal = (value: number, length: number): string => `${value.toString(8).padStart(length - 1, '0')}\0`;
  if (Buffer.byteLength(name) > 100) throw new Error(`tar member name too long: ${name}`);
  block.write(name, 0, 100, 'utf8');
  field(100, 8, octal(0o644, 8));
  field(108, 8, octal(0, 8));
  field(116, 8, octal(0, 8));
  field(124, 12, octal(size, 12));
  field(136, 12, octal(Math.floor(Date.now() / 1000), 12));
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

function write(out: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk)) resolve();
    else {
      const onDrain = (): void => {
        out.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        out.off('drain', onDrain);
        reject(error);
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    }
  });
}
