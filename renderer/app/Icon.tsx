/** A small set of line icons (inline SVG, 20 px grid), decorative: buttons carry the label. */
const PATHS = {
  bold: 'M6 4h5a3 3 0 0 1 0 6H6zM6 10h6a3 3 0 0 1 0 6H6z',
  italic: 'M9 4h6M5 16h6M12 4 8 16',
  underline: 'M6 3v6a4 4 0 0 0 8 0V3M5 17h10',
  bullets: 'M8 5h9M8 10h9M8 15h9M4 5h.01M4 10h.01M4 15h.01',
  numbers: 'M8 5h9M8 10h9M8 15h9M3 4h1v3M3 9.5h2L3 12h2M3 14h2v3H3',
  link: 'M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2L10 5.8M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l1.1-1.1',
  undo: 'M7 7H3V3M3.5 7A7 7 0 1 1 5 14',
  redo: 'M13 7h4V3M16.5 7A7 7 0 1 0 15 14',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM17 17l-4.5-4.5',
  lock: 'M5 9h10v8H5zM7 9V6a3 3 0 0 1 6 0v3',
  settings:
    'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  pdf: 'M5 2h7l4 4v12H5zM12 2v4h4M8 11h5M8 14h5',
  download: 'M10 3v10M6 9l4 4 4-4M4 17h12',
  plus: 'M10 4v12M4 10h12',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
  up: 'M10 15V5M5 10l5-5 5 5',
  down: 'M10 5v10M5 10l5 5 5-5',
  close: 'M5 5l10 10M15 5 5 15',
  chevron: 'M8 5l5 5-5 5',
  file: 'M5 2h7l4 4v12H5zM12 2v4h4',
  upload: 'M10 13V3M6 7l4-4 4 4M4 17h12',
  back: 'M12 5l-5 5 5 5',
  check: 'M4 10l4 4 8-8',
  grip: 'M8 5h.01M12 5h.01M8 10h.01M12 10h.01M8 15h.01M12 15h.01',
  edit: 'M4 16l1-4 8-8 3 3-8 8zM11 6l3 3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'grip' ? 2.6 : 1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
