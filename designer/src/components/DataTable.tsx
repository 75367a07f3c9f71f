import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  sx?: SxProps<Theme>;
}

interface DataTableProps<Row> {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  rowTestId?(row: Row): string;
  testId?: string;
  /** Inside a card of its own (lists), or flat inside another surface (tabs). */
  framed?: boolean;
}

/** A small read-only table: a header row and one row per item. */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
  testId,
  framed = true,
}: DataTableProps<Row>) {
  const table = (
    <Table size="small" aria-label={label} data-testid={testId}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <TableCell key={column.header}>{column.header}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {columns.map((column) => (
              <TableCell key={column.header} sx={column.sx}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return framed ? <TableContainer component={Paper}>{table}</TableContainer> : table;
}
