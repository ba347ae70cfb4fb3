/**
 * An order question's input: the options as a numbered list, each with
 * "Move up" and "Move down" buttons (plain buttons, so Tab and Enter or
 * Space work), and a live region that says where an item went.
 */
import { useState } from 'react';
import { moveItem } from './order-list';

interface Props {
  id: string;
  labelledBy: string;
  options: { id: string; text: string }[];
  order: string[];
  onChange: (order: string[]) => void;
}

export function OrderInput({ id, labelledBy, options, order, onChange }: Props) {
  const [said, setSaid] = useState('');
  const text = (optionId: string) => options.find((o) => o.id === optionId)?.text ?? optionId;
  const move = (index: number, delta: number) => {
    const to = index + delta;
    if (to < 0 || to >= order.length) return;
    onChange(moveItem(order, index, delta));
    setSaid(`${text(order[index]!)}: now ${index + delta + 1} of ${order.length}`);
  };
  return (
    <div className="order-input" id={id}>
      <ol className="order-list" aria-labelledby={labelledBy}>
        {order.map((optionId, i) => (
          <li key={optionId} className="order-item" data-option={optionId}>
            <span className="order-text">{text(optionId)}</span>
            <button type="button" aria-label={`Move up: ${text(optionId)}`} aria-disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move down: ${text(optionId)}`}
              aria-disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
