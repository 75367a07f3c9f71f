import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  useNodesState,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { localized } from '../../components/definitions/localized-text';
import { gridLayout, linksOf, type EntitySchema } from './entity-schema';
import { dataModelRoute, type EntityTypeItem } from './entity-types-api';

type TypeNodeData = { name: string; title: string; fields: number; draft: boolean; selected: boolean };
type TypeNode = Node<TypeNodeData, 'entityType'>;

function EntityTypeNode({ data }: NodeProps<TypeNode>) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid={`graph-node-${data.name}`}
      sx={{
        px: 1.5,
        py: 1,
        minWidth: 170,
        borderRadius: 1,
        border: 2,
        borderColor: data.selected ? 'primary.main' : 'divider',
        bgcolor: 'background.paper',
        boxShadow: data.selected ? 3 : 0,
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Typography variant="subtitle2">{data.title}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {data.name}
      </Typography>
      <Typography variant="caption" sx={{ display: 'block' }}>
        {t('editors.dataModel.fieldCount', { count: data.fields })}
        {data.draft ? ` · ${t('editors.status.draft')}` : ''}
      </Typography>
      <Handle type="source" position={Position.Right} />
    </Box>
  );
}

const nodeTypes = { entityType: EntityTypeNode };

/** Entity types as nodes and their relations as edges; a click (or Enter on a focused node) opens a type. */
export function EntityGraph({
  types,
  selected,
  draft,
}: {
  types: EntityTypeItem[];
  selected?: string;
  draft?: EntitySchema | null;
}) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const navigate = useNavigate();
  const schemas = useMemo(
    () =>
      types.map((type) => ({
        name: type.name,
        schema: type.name === selected && draft ? draft : type.schema,
      })),
    [types, selected, draft],
  );
  const layout = useMemo(() => gridLayout(types.map((type) => type.name)), [types]);
  const [nodes, setNodes, onNodesChange] = useNodesState<TypeNode>([]);

  useEffect(() => {
    setNodes((current) => {
      const moved = new Map(current.map((node) => [node.id, node.position]));
      return schemas.map(({ name, schema }) => {
        const item = types.find((type) => type.name === name);
        return {
          id: name,
          type: 'entityType',
          position: moved.get(name) ?? layout[name] ?? { x: 0, y: 0 },
          ariaLabel: name,
          data: {
            name,
            title: localized(schema?.['x-label'], i18n.language, name),
            fields: Object.keys(schema?.properties ?? {}).length,
            draft: item?.hasDraft ?? false,
            selected: name === selected,
          },
        };
      });
    });
  }, [schemas, layout, selected, types, i18n.language, setNodes]);

  const edges: Edge[] = useMemo(
    () =>
      linksOf(schemas).map((link) => ({
        id: `${link.source}-${link.name}-${link.target}`,
        source: link.source,
        target: link.target,
        label: `${link.name} (${link.cardinality === 'many' ? t('editors.dataModel.field.many') : t('editors.dataModel.field.one')})`,
        animated: link.kind === 'relation',
        style: link.kind === 'relation' ? { strokeDasharray: '4 3' } : undefined,
        markerEnd: { type: MarkerType.ArrowClosed, color: theme.palette.text.secondary },
        labelStyle: { fontSize: 11 },
      })),
    [schemas, t, theme.palette.text.secondary],
  );

  return (
    <Box
      sx={{ height: { xs: 320, lg: 420 }, border: 1, borderColor: 'divider', borderRadius: 1 }}
      data-testid="entity-graph"
      aria-label={t('editors.dataModel.graph')}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_event, node) => void navigate(`${dataModelRoute}/${node.id}`)}
        nodesConnectable={false}
        fitView
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
