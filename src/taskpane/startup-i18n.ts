/** Strings of the start-up screens, shown before the pane itself (Chinese first; en-US). */
import type { Lang } from './i18n';

export interface StartupMessages {
  connecting: string;
  connectingHint: string;
  noOfficeJs: string;
  noOfficeJsHint: string;
}

export const STARTUP_MESSAGES: Record<Lang, StartupMessages> = {
  'zh-CN': {
    connecting: '正在连接 Excel…',
    connectingHint: 'Excel 启动较慢时需要多等一会儿；连接后即可使用村账。',
    noOfficeJs: '无法连接 Excel：Office.js 没有加载',
    noOfficeJsHint: '加载项需要从微软服务器加载 Office.js，请检查网络后重新打开村账。没有网络时，可在浏览器中打开独立页面处理 .xlsx 文件。',
  },
  'en-US': {
    connecting: 'Connecting to Excel…',
    connectingHint: 'A slow-starting Excel takes a moment; Cunzhang opens once it is connected.',
    noOfficeJs: 'Cannot connect to Excel: Office.js did not load',
    noOfficeJsHint: "The add-in loads Office.js from Microsoft's servers: check the network and reopen Cunzhang. Offline, open the standalone page in a browser to work on an .xlsx file.",
  },
};
