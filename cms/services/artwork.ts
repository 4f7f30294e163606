// TEMPORARY STUB (not committed): replaced by the helper's h/artwork branch
export type ArtworkProblem = 'file-too-large' | 'not-an-image' | 'heic' | 'too-many-pixels' | 'too-small' | 'unreadable'
export type ArtworkFile = { file: string; width: number; height: number; bytes: number }
export type ProcessedArtwork = { large: ArtworkFile; small: ArtworkFile; source: { format: 'jpeg' | 'png' | 'webp'; width: number; height: number; bytes: number } }
export async function processArtwork(_input: Buffer | string, _dir: string): Promise<{ ok: true; artwork: ProcessedArtwork } | { ok: false; problem: ArtworkProblem; megapixels?: number }> {
  return { ok: false, problem: 'unreadable' }
}
export async function removeFile(_dir: string, _file: string): Promise<void> {}
export async function publishCopy(_dir: string, file: string): Promise<string> {
  return file
}
export async function ogImage(_dir: string, file: string, _options: { width?: number; height?: number } = {}): Promise<ArtworkFile> {
  return { file, width: 0, height: 0, bytes: 0 }
}
