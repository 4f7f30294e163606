/**
 * Illustrations for the demo content, drawn as SVG and rendered to JPEG by sharp on this
 * machine: no downloads, and no photographs of real children.
 */
import sharp from 'sharp'
import type { TGeneratedImage } from '../schemas/content'

const PALETTES: Record<TGeneratedImage['palette'], [string, string, string]> = {
  sunrise: ['#ffb347', '#e65100', '#fff3e0'],
  sea: ['#4fc3f7', '#01579b', '#e1f5fe'],
  leaf: ['#81c784', '#1b5e20', '#e8f5e9'],
  lotus: ['#f48fb1', '#880e4f', '#fce4ec'],
  sky: ['#90caf9', '#283593', '#e8eaf6'],
  earth: ['#ffcc80', '#5d4037', '#fbe9e7'],
}

function motifShapes(motif: TGeneratedImage['motif'], light: string, dark: string, pale: string): string {
  switch (motif) {
    case 'sun':
      return `<circle cx="800" cy="470" r="190" fill="${pale}"/>${Array.from({ length: 12 }, (_, i) => `<rect x="790" y="170" width="20" height="90" rx="10" fill="${pale}" transform="rotate(${i * 30} 800 470)"/>`).join('')}`
    case 'waves':
      return [0, 1, 2, 3].map((i) => `<path d="M0 ${520 + i * 110} Q 200 ${440 + i * 110} 400 ${520 + i * 110} T 800 ${520 + i * 110} T 1200 ${520 + i * 110} T 1600 ${520 + i * 110}" stroke="${pale}" stroke-width="36" fill="none" opacity="${0.9 - i * 0.15}"/>`).join('') + `<circle cx="1180" cy="330" r="120" fill="none" stroke="${pale}" stroke-width="50"/>`
    case 'hands':
      return `<ellipse cx="640" cy="520" rx="260" ry="170" fill="${pale}" opacity="0.9"/><ellipse cx="960" cy="520" rx="260" ry="170" fill="${light}" opacity="0.85"/><circle cx="800" cy="360" r="70" fill="${dark}"/>`
    case 'heart':
      return `<path d="M800 760 C 480 560 420 360 560 270 C 680 200 780 260 800 330 C 820 260 920 200 1040 270 C 1180 360 1120 560 800 760 Z" fill="${pale}"/>`
    case 'book':
      return `<rect x="470" y="280" width="320" height="420" rx="18" fill="${pale}"/><rect x="810" y="280" width="320" height="420" rx="18" fill="${pale}" opacity="0.85"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="520" y="${350 + i * 60}" width="220" height="14" rx="7" fill="${dark}" opacity="0.5"/>`).join('')}`
    case 'lantern':
      return `<polygon points="800,200 870,400 1080,400 910,520 975,730 800,605 625,730 690,520 520,400 730,400" fill="${pale}"/><line x1="800" y1="60" x2="800" y2="200" stroke="${pale}" stroke-width="10"/>`
    case 'phone':
      return `<rect x="640" y="190" width="320" height="600" rx="46" fill="${pale}"/><rect x="670" y="260" width="260" height="420" rx="12" fill="${dark}"/><text x="800" y="520" font-family="DejaVu Sans, Arial, sans-serif" font-size="140" font-weight="700" text-anchor="middle" fill="${pale}">111</text>`
    case 'bicycle':
      return `<circle cx="560" cy="600" r="150" fill="none" stroke="${pale}" stroke-width="28"/><circle cx="1040" cy="600" r="150" fill="none" stroke="${pale}" stroke-width="28"/><path d="M560 600 L720 380 L940 380 L1040 600 M720 380 L800 600 L940 380" stroke="${pale}" stroke-width="24" fill="none" stroke-linejoin="round"/>`
    case 'palette':
      return `<path d="M800 220 C 1080 220 1220 400 1160 560 C 1110 690 980 620 930 700 C 880 780 980 820 860 840 C 560 880 400 680 430 500 C 460 320 620 220 800 220 Z" fill="${pale}"/>${[['#e53935', 640, 430], ['#fdd835', 780, 350], ['#43a047', 940, 390], ['#1e88e5', 1020, 520]].map(([c, x, y]) => `<circle cx="${x}" cy="${y}" r="48" fill="${c}"/>`).join('')}`
    case 'people':
      return [520, 800, 1080].map((x, i) => `<circle cx="${x}" cy="${380 + (i % 2) * 40}" r="80" fill="${pale}"/><rect x="${x - 110}" y="${480 + (i % 2) * 40}" width="220" height="300" rx="100" fill="${pale}" opacity="0.9"/>`).join('')
  }
}

/** 4:3, the shape of the site's cards, so nothing is cropped away. */
export async function renderIllustration(image: TGeneratedImage, width = 1600, height = 1200): Promise<Buffer> {
  const [light, dark, pale] = PALETTES[image.palette]
  const label = image.label
    ? `<text x="80" y="1120" font-family="DejaVu Sans, Arial, sans-serif" font-size="72" font-weight="700" fill="${pale}">${image.label.replace(/[<&>]/g, '')}</text>`
    : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1200">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
<rect width="1600" height="1200" fill="url(#g)"/>
<g transform="translate(0 80)">${motifShapes(image.motif, light, dark, pale)}</g>
${label}
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 86 }).toBuffer()
}

const CRAYONS = ['#e53935', '#fb8c00', '#fdd835', '#43a047', '#1e88e5', '#8e24aa', '#6d4c41', '#ec407a', '#00acc1']

/**
 * A child's drawing for a demo contest entry, made up from the number `n`: a sheet of paper
 * with a sun, a house, a tree, people and a sky in crayon colours, drawn as SVG and rendered
 * to a JPEG the size of a phone photo of a sheet of paper (invented, never a real child's work).
 */
export async function renderDrawing(n: number, width = 1600, height = 1200): Promise<Buffer> {
  const pick = (k: number) => CRAYONS[(n * 7 + k * 5) % CRAYONS.length] ?? '#e53935'
  const r = (k: number, span: number) => ((n * 97 + k * 131) % span)
  const sunX = 200 + r(1, 1200)
  const houseX = 150 + r(2, 700)
  const treeX = houseX + 420 + r(3, 200)
  const people = Array.from({ length: 1 + (n % 3) }, (_, i) => {
    const x = 260 + i * 180 + r(4 + i, 500)
    const c = pick(6 + i)
    return `<circle cx="${x}" cy="820" r="45" fill="none" stroke="${c}" stroke-width="14"/><path d="M${x} 865 L${x} 1000 M${x - 70} 910 L${x + 70} 910 M${x} 1000 L${x - 50} 1090 M${x} 1000 L${x + 50} 1090" stroke="${c}" stroke-width="14" stroke-linecap="round"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1200">
<rect width="1600" height="1200" fill="#fbf8ef"/>
<rect x="0" y="0" width="1600" height="360" fill="${pick(0)}" opacity="0.18"/>
<circle cx="${sunX}" cy="180" r="95" fill="${pick(1)}"/>${Array.from({ length: 10 }, (_, i) => `<line x1="${sunX}" y1="40" x2="${sunX}" y2="0" stroke="${pick(1)}" stroke-width="14" stroke-linecap="round" transform="rotate(${i * 36} ${sunX} 180) translate(0 -20)"/>`).join('')}
<path d="M0 1040 Q 400 960 800 1040 T 1600 1040 L1600 1200 L0 1200 Z" fill="${pick(2)}" opacity="0.55"/>
<rect x="${houseX}" y="560" width="360" height="300" fill="none" stroke="${pick(3)}" stroke-width="16"/>
<path d="M${houseX - 40} 580 L${houseX + 180} 380 L${houseX + 400} 580" fill="none" stroke="${pick(4)}" stroke-width="18" stroke-linejoin="round"/>
<rect x="${houseX + 140}" y="700" width="80" height="160" fill="${pick(5)}" opacity="0.8"/>
<rect x="${treeX}" y="640" width="50" height="260" fill="#6d4c41"/>
<circle cx="${treeX + 25}" cy="590" r="130" fill="${pick(2)}" opacity="0.85"/>
${people}
<path d="M${1150 + r(9, 200)} 300 q 40 -40 80 0 q 40 -40 80 0" stroke="#37474f" stroke-width="8" fill="none"/>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}
