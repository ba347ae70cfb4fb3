import { afterEach, describe, expect, it } from 'vitest';
import { LabOwnership } from './lab-owner';

const opened: LabOwnership[] = [];
function tab(lab: string, lost: string[], name: string): LabOwnership {
  const o = new LabOwnership(lab, () => lost.push(name));
  opened.push(o);
  return o;
}
/** BroadcastChannel delivers on a later task. */
const delivered = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => {
  for (const o of opened.splice(0)) o.dispose();
});

describe('one tab saves a lab', () => {
  it('the older tab stops saving when the same lab opens in another, and can take it back', async () => {
    const lost: string[] = [];
    const first = tab('flagship.7', lost, 'first');
    first.claim();
    const second = tab('flagship.7', lost, 'second');
    second.claim();
    await delivered();
    expect([first.owner, second.owner, lost]).toEqual([false, true, ['first']]);
    first.claim();
    await delivered();
    expect([first.owner, second.owner, lost]).toEqual([true, false, ['first', 'second']]);
  });

  it('another seed or scenario is another lab', async () => {
    const lost: string[] = [];
    const a = tab('flagship.7', lost, 'a');
    a.claim();
    tab('flagship.8', lost, 'b').claim();
    tab('other.7', lost, 'c').claim();
    await delivered();
    expect([a.owner, lost]).toEqual([true, []]);
  });
});
