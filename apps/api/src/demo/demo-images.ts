/**
 * Product pictures of the demo booths, drawn as SVG in the source (so they ship with the project
 * and need no font or network) and turned into PNG by sharp when the demo is seeded.
 */
import sharp from 'sharp';

const frame = (background: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">` +
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff"/>` +
  `<stop offset="1" stop-color="${background}"/></linearGradient></defs>` +
  `<rect width="640" height="480" fill="url(#bg)"/>${body}</svg>`;

export const DEMO_IMAGES = {
  /** A jar of cream and a bottle of toner. */
  skincare: frame(
    '#f6d5e5',
    '<rect x="150" y="230" width="170" height="120" rx="24" fill="#e86fa3"/><rect x="140" y="200" width="190" height="44" rx="14" fill="#b84379"/>' +
      '<rect x="390" y="120" width="90" height="230" rx="30" fill="#8ecae6"/><rect x="410" y="90" width="50" height="40" rx="8" fill="#1f4e8c"/>',
  ),
  /** A battery module. */
  battery: frame(
    '#d8f3dc',
    '<rect x="150" y="150" width="320" height="180" rx="20" fill="#2d6a4f"/><rect x="470" y="205" width="30" height="70" rx="8" fill="#1b4332"/>' +
      '<polygon points="300,175 250,250 300,250 280,310 360,220 310,220 330,175" fill="#ffd60a"/>',
  ),
  /** A container ship's stack of containers. */
  logistics: frame(
    '#caf0f8',
    '<path d="M110 330 L530 330 L490 390 L150 390 Z" fill="#1f4e8c"/>' +
      '<rect x="170" y="270" width="90" height="60" fill="#e63946"/><rect x="265" y="270" width="90" height="60" fill="#f4a261"/>' +
      '<rect x="360" y="270" width="90" height="60" fill="#2a9d8f"/><rect x="215" y="205" width="90" height="60" fill="#457b9d"/>' +
      '<rect x="310" y="205" width="90" height="60" fill="#e9c46a"/>',
  ),
  /** A chip on a circuit board. */
  chip: frame(
    '#e0e1dd',
    '<rect x="220" y="140" width="200" height="200" rx="16" fill="#1b263b"/><rect x="270" y="190" width="100" height="100" rx="8" fill="#778da9"/>' +
      Array.from({ length: 6 }, (_, i) => {
        const y = 160 + i * 32;
        return `<rect x="190" y="${y}" width="30" height="10" fill="#c9a227"/><rect x="420" y="${y}" width="30" height="10" fill="#c9a227"/>`;
      }).join(''),
  ),
  /** A charging pile. */
  charger: frame(
    '#fff3b0',
    '<rect x="250" y="110" width="140" height="260" rx="18" fill="#335c67"/><rect x="275" y="140" width="90" height="60" rx="6" fill="#9ee493"/>' +
      '<path d="M390 250 C470 250 470 330 430 360" stroke="#e09f3e" stroke-width="14" fill="none"/><rect x="230" y="370" width="180" height="20" rx="6" fill="#540b0e"/>',
  ),
  /** A sensor with its signal. */
  sensor: frame(
    '#dde5b6',
    '<circle cx="320" cy="280" r="70" fill="#6c584c"/><circle cx="320" cy="280" r="30" fill="#f0ead2"/>' +
      '<path d="M220 190 A140 140 0 0 1 420 190" stroke="#a98467" stroke-width="14" fill="none"/>' +
      '<path d="M250 220 A95 95 0 0 1 390 220" stroke="#a98467" stroke-width="12" fill="none"/>',
  ),
} as const;

export type DemoImage = keyof typeof DEMO_IMAGES;

export function demoImagePng(name: DemoImage): Promise<Buffer> {
  return sharp(Buffer.from(DEMO_IMAGES[name])).png().toBuffer();
}
