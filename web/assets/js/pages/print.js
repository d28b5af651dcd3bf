// The printable documents: /print/programme/<tournament>, /print/results/<tournament>,
// /print/scoresheet/<game>. A4 print styles (documents.css); the server prints this same page to
// PDF, so what a browser prints and the downloaded PDF are one layout. `data-print` on <html>
// says when the document is complete ("ready") for the PDF renderer.
import { get } from '../api.js';
import { h, fill, pathParts } from '../dom.js';
import { pageLang } from '../i18n.js';
import { programme } from '../documents/programme.js';
import { resultsBook } from '../documents/results.js';
import { scoresheet } from '../documents/scoresheet.js';

const [, kind, id] = pathParts();
const KINDS = {
  programme: { data: `/api/v1/tournaments/${id}/documents/programme`, render: programme, title: '秩序册' },
  results: { data: `/api/v1/tournaments/${id}/documents/results`, render: resultsBook, title: '成绩册' },
  scoresheet: { data: `/api/v1/games/${id}/documents/scoresheet`, render: scoresheet, title: '记录表' },
};

function toolbar(spec) {
  return h(
    'div',
    { class: 'doc-toolbar' },
    h('button', { type: 'button', onclick: () => window.print() }, '打印 Print'),
    h('a', { href: `${spec.data}.pdf`, download: '' }, '下载 PDF'),
  );
}

async function main() {
  // Games and open places are named as on the fan pages (半决赛1, A组第1), in the paperwork's Chinese.
  pageLang('zh');
  const root = document.getElementById('main');
  document.body.classList.add('doc-body');
  document.getElementById('top')?.remove();
  const spec = KINDS[kind];
  if (!spec) {
    fill(root, h('p', {}, '没有这种文档 / No such document'));
    document.documentElement.dataset.print = 'missing';
    return;
  }
  try {
    const doc = await get(spec.data);
    const name = doc.tournament?.name ?? '';
    document.title = `${spec.title} · ${name}`;
    fill(root, toolbar(spec), h('article', { class: `doc doc-${kind}` }, spec.render(doc)));
    await document.fonts?.ready;
    const images = [...root.querySelectorAll('img')];
    await Promise.all(
      images.map((img) =>
        img.complete
          ? null
          : new Promise((done) => img.addEventListener('load', done) || img.addEventListener('error', done)),
      ),
    );
    document.documentElement.dataset.print = 'ready';
  } catch (e) {
    fill(root, h('p', { role: 'alert' }, `无法生成文档：${e.message ?? e}`));
    document.documentElement.dataset.print = 'error';
  }
}

void main();
