/** The live checks' words, zh-CN first (the default) and en-US; picked by the pane's language. */
import { useMessages, type Lang } from './i18n';

const zh = {
  title: '录入检查：刚修改的行',
  checking: '正在检查刚修改的行…',
  clear: '清除',
};

export type LiveMessages = typeof zh;

const en: LiveMessages = {
  title: 'Checked while typing: the rows just edited',
  checking: 'Checking the rows just edited…',
  clear: 'Clear',
};

const MESSAGES: Record<Lang, LiveMessages> = { 'zh-CN': zh, 'en-US': en };

export function useLiveMessages(): LiveMessages {
  return MESSAGES[useMessages().lang];
}
