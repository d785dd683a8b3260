import { useReactFlow, useStore } from '@xyflow/react';
import { memo, type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../model/doc.ts';
import { shapeOf, sizeOf } from '../model/kinds.ts';
import { boundsOf } from '../model/overview.ts';

const W = 200;
const H = 130;
const PAD = 8;

/**
 * The minimap: the diagram drawn once onto a canvas (again only when the definition changes) and the
 * viewport as a rectangle over it; click or drag to go there. React Flow's own minimap keeps a store
 * subscription per node, which with 1,800 tasks costs more per pan step than the canvas itself.
 */
export const Overview = memo(function Overview({ doc }: { doc: Pick<Doc, 'nodes'> }) {
  const { t } = useTranslation('designer');
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const bounds = useMemo(() => boundsOf(doc), [doc]);
  const scale = bounds ? Math.min((W - 2 * PAD) / bounds.width, (H - 2 * PAD) / bounds.height) : 1;
  const ox = bounds ? PAD + (W - 2 * PAD - bounds.width * scale) / 2 - bounds.x * scale : 0;
  const oy = bounds ? PAD + (H - 2 * PAD - bounds.height * scale) / 2 - bounds.y * scale : 0;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = getComputedStyle(canvas.current as HTMLCanvasElement).color;
    for (const n of doc.nodes) {
      if (!n.position || shapeOf(n.type) === 'container') continue;
      const s = sizeOf(n);
      ctx.fillRect(
        ox + n.position.x * scale,
        oy + n.position.y * scale,
        Math.max(1, s.width * scale),
        Math.max(1, s.height * scale),
      );
    }
  }, [doc.nodes, scale, ox, oy]);

  // One subscription: the viewport rectangle follows the transform.
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };

  const goTo = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - box.left - ox) / scale;
    const y = (e.clientY - box.top - oy) / scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  if (!bounds) return null;
  return (
    <div
      className="bn-overview"
      role="img"
      aria-label={t('overview')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        goTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) goTo(e);
      }}
    >
      <canvas
        ref={canvas}
        width={W * (window.devicePixelRatio || 1)}
        height={H * (window.devicePixelRatio || 1)}
        style={{ width: W, height: H }}
      />
      <div
        className="bn-overview-view"
        style={{
          left: Math.max(0, ox + view.x * scale),
          top: Math.max(0, oy + view.y * scale),
          width: Math.min(W, view.width * scale),
          height: Math.min(H, view.height * scale),
        }}
      />
    </div>
  );
});
