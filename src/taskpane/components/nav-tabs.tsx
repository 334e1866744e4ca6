import {
  Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList, makeStyles, tokens,
  useIsOverflowItemVisible, useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';

export interface NavTab<K extends string> {
  key: K;
  label: string;
}

const useStyles = makeStyles({
  list: { minWidth: 0, overflow: 'hidden', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

function HiddenTabItem<K extends string>({ tab, onSelect }: { tab: NavTab<K>; onSelect: (k: K) => void }) {
  const visible = useIsOverflowItemVisible(tab.key);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.key)}>{tab.label}</MenuItem>;
}

function MoreTabs<K extends string>({ tabs, onSelect, label }: { tabs: readonly NavTab<K>[]; onSelect: (k: K) => void; label: string }) {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  // `ref as never`: Fluent's Button ref type resolves to Ref<never> under React 19's types; the element is a button.
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref as never} appearance="transparent" icon={<MoreHorizontalRegular />}>{label}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => <HiddenTabItem key={t.key} tab={t} onSelect={onSelect} />)}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * The pane's sections as tabs. A task pane is narrow (about 320 px), so tabs that do not fit go
 * into a "更多" menu instead of wrapping or scrolling out of sight; the selected one stays visible.
 */
export function NavTabs<K extends string>(props: { tabs: readonly NavTab<K>[]; selected: K; onSelect: (k: K) => void; label: string; moreLabel: string }) {
  const s = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList className={s.list} selectedValue={props.selected} onTabSelect={(_, d) => props.onSelect(d.value as K)} aria-label={props.label}>
        {props.tabs.map((t) => (
          <OverflowItem key={t.key} id={t.key} priority={t.key === props.selected ? 2 : 1}>
            <Tab value={t.key}>{t.label}</Tab>
          </OverflowItem>
        ))}
        <MoreTabs tabs={props.tabs} onSelect={props.onSelect} label={props.moreLabel} />
      </TabList>
    </Overflow>
  );
}
