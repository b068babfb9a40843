import { type ComponentType, Fragment } from 'react';

/**
 * UI slots: a place on one area's screen that other areas fill, so a lower
 * area shows what a higher one adds (a section on a record page) without
 * importing it. The area that offers a slot names it and its props here by
 * declaration merging (`declare module '@renderer/app/slots'`); areas fill
 * slots in their area declaration, and the registry hands the fills over in
 * its order.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the offering areas' declaration merging
export interface Slots {}

export type SlotName = keyof Slots & string;

/** One area's content for one slot. */
export type SlotFill = { [N in SlotName]: { slot: N; key: string; render: ComponentType<Slots[N]> } }[SlotName];

let fills: readonly SlotFill[] = [];

/** Called once by the area registry, fills in registry order. */
export function registerSlots(all: readonly SlotFill[]): void {
  fills = all;
}

/** Renders every fill of a slot, in registry order; nothing when no area fills it. */
export function Slot<N extends SlotName>({ name, props }: { name: N; props: Slots[N] }) {
  return (
    <>
      {fills
        .filter((f) => f.slot === name)
        .map((f) => {
          const Render = f.render as ComponentType<Slots[N]>;
          return (
            <Fragment key={f.key}>
              <Render {...props} />
            </Fragment>
          );
        })}
    </>
  );
}

/** Whether any area fills a slot: a table offers a column for a slot only when someone fills it. */
export function slotFilled(name: SlotName): boolean {
  return fills.some((f) => f.slot === name);
}

/** A typed fill: `fill('engagement.sections', 'continuity.requests', Component)`. */
export function fill<N extends SlotName>(slot: N, key: string, render: ComponentType<Slots[N]>): SlotFill {
  return { slot, key, render } as SlotFill;
}
