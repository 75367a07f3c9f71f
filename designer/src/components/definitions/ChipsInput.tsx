import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';

interface ChipsInputProps {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  /** Suggestions; with `strict`, the only values allowed. */
  options?: readonly string[];
  strict?: boolean;
  error?: string;
  helperText?: string;
  placeholder?: string;
  /** How a chip reads, e.g. "75 %" for 75. */
  format?(item: string): string;
  pointer?: string;
  testId?: string;
}

/** A list of short values typed one by one (Enter adds a chip) or chosen from options. */
export function ChipsInput(props: ChipsInputProps) {
  const {
    label,
    value,
    onChange,
    options = [],
    strict = false,
    error,
    helperText,
    placeholder,
    format = (item) => item,
    pointer,
    testId,
  } = props;
  return (
    <Autocomplete
      multiple
      freeSolo={!strict}
      options={[...options]}
      value={value}
      onChange={(_e, next) => onChange(next.map(String))}
      renderValue={(selected, getItemProps) =>
        selected.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={format(item)} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={label}
          placeholder={placeholder}
          error={error !== undefined}
          helperText={error ?? helperText}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-pointer': pointer, 'data-testid': testId },
          }}
        />
      )}
      sx={{ minWidth: 200, flex: 1 }}
    />
  );
}
