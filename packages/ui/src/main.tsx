import { render } from 'preact';
import { App } from './app.tsx';
import { langStore } from './i18n/lang.ts';

document.documentElement.lang = langStore.get() === 'zh' ? 'zh-CN' : 'en';
render(<App />, document.getElementById('app')!);
