import type { ComponentChildren } from 'preact';

/**
 * A table that may scroll sideways on a narrow screen. The scrolling box is
 * a named region that takes focus, so keyboard users can scroll it too
 * (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollTable(props: {
  label?: string;
  labelledBy?: string;
  children: ComponentChildren;
}) {
  return (
    <section
      class="table-wrap"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard
      tabIndex={0}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
    >
      {props.children}
    </section>
  );
}
