import Box from '@mui/material/Box';

/** The product's square "T" logo; decorative, the product name is always written next to it. */
export function ProductMark({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <Box
      component="svg"
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      sx={{ width: size, height: size, flexShrink: 0, display: 'block' }}
    >
      <rect width="32" height="32" rx="7" fill={inverted ? '#ffffff' : '#145a73'} />
      <path d="M9 9h14v3.2h-5.4V24h-3.2V12.2H9z" fill={inverted ? '#145a73' : '#ffffff'} />
    </Box>
  );
}
