/** The disk an archive run writes to (tips-archive.ts): folders, files, and its errors in Chinese. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeError } from './args';

/** The file operations of an archive run: the real disk, or a test's failing one. */
export interface ArchiveFiles {
  mkdir(path: string, recursive: boolean): void;
  /** Creates `path` (never overwrites) with `data`. */
  writeFile(path: string, data: Uint8Array | string): void;
  readFile(path: string): Uint8Array;
}

export const diskFiles: ArchiveFiles = {
  mkdir: (path, recursive) => mkdirSync(path, { recursive, mode: 0o700 }),
  writeFile: (path, data) => writeFileSync(path, data, { mode: 0o600, flag: 'wx' }),
  readFile: (path) => new Uint8Array(readFileSync(path)),
};

/** A file-system error as the clerk should read it. */
export function diskProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return '磁盘空间已满';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入该文件夹的权限';
  if (code === 'EROFS') return '该磁盘是只读的';
  if (code === 'ENOTDIR') return '路径中有一段不是文件夹';
  if (code === 'EIO') return '磁盘读写出错（U 盘是否已拔出？）';
  return `写入出错（${code ?? (error as Error).message}）`;
}

/** Creates a new folder for this run inside `dir`: `举报归档-DAY`, then `-2`, `-3` … */
export function newRunFolder(files: ArchiveFiles, dir: string, day: string): string {
  try {
    files.mkdir(dir, true);
  } catch (error) {
    throw new OfficeError(`无法使用归档文件夹 ${dir}：${diskProblem(error)}。网站上的举报一条也没有删除。`);
  }
  for (let n = 1; n < 1000; n++) {
    const folder = join(dir, n === 1 ? `举报归档-${day}` : `举报归档-${day}-${n}`);
    try {
      files.mkdir(folder, false);
      return folder;
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw new OfficeError(`无法在 ${dir} 中新建归档文件夹：${diskProblem(error)}。网站上的举报一条也没有删除。`);
    }
  }
  throw new OfficeError(`${dir} 中今天的归档文件夹太多，请换一个文件夹。`);
}
