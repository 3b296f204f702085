import { html, raw } from 'hono/html';
import QRCode from 'qrcode';

/** One 开通通知单: who, for which organization, the login and the initial password (printed only here). */
export type AccountNotice = { orgName: string; displayName: string; roleLabel: string; login: string; initialPassword: string };

export type AccountNoticeBatch = { issuedOn: string; issuer: string; signInUrl: string; notices: AccountNotice[] };

const PER_PAGE = 2;

// Two notices per A4 page (182 × 264 mm printable), separated by a dashed cut line.
const styles = `
  .notices { width: 182mm; height: 264mm; display: grid; grid-template-rows: 1fr 1fr; font-family: 'Noto Sans SC', "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
  .notices + .notices { break-before: page; }
  .notice { padding: 6mm 4mm; border-bottom: 0.3mm dashed #9ca3af; display: flex; flex-direction: column; overflow: hidden; }
  .notice:last-child { border-bottom: 0; }
  .notice h2 { margin: 0 0 4mm; text-align: center; font-size: 16pt; letter-spacing: 1mm; color: #8c1d18; }
  .notice .main { display: flex; gap: 6mm; align-items: flex-start; }
  .notice table { flex: 1; border-collapse: collapse; font-size: 11pt; }
  .notice th { text-align: left; font-weight: 400; color: #4b5563; width: 26mm; padding: 1.6mm 0; vertical-align: top; }
  .notice td { padding: 1.6mm 0; font-weight: 700; }
  .notice td.mono { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 13pt; letter-spacing: 0.4mm; }
  .notice .qr { width: 34mm; text-align: center; font-size: 8pt; color: #4b5563; }
  .notice .qr svg { width: 34mm; height: 34mm; }
  .notice ol { margin: 4mm 0 0; padding-left: 5mm; font-size: 9.5pt; line-height: 1.6; color: #374151; }
  .notice .foot { margin-top: auto; display: flex; justify-content: space-between; font-size: 9pt; color: #4b5563; }
`;

/** The notices as body HTML for the PDF renderer: two per page, each with a QR code of the sign-in page. */
export async function accountNoticesBody(batch: AccountNoticeBatch): Promise<string> {
  const qr = await QRCode.toString(batch.signInUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const pages: AccountNotice[][] = [];
  for (let i = 0; i < batch.notices.length; i += PER_PAGE) pages.push(batch.notices.slice(i, i + PER_PAGE));
  const body = html`<style>${raw(styles)}</style>
    ${pages.map(
      (page) => html`<section class="notices">
        ${page.map(
          (n) => html`<div class="notice">
            <h2>星评系统账号开通通知单</h2>
            <div class="main">
              <table>
                <tr><th>所在组织</th><td>${n.orgName}</td></tr>
                <tr><th>姓　　名</th><td>${n.displayName}</td></tr>
                <tr><th>角　　色</th><td>${n.roleLabel}</td></tr>
                <tr><th>登 录 名</th><td class="mono">${n.login}</td></tr>
                <tr><th>初始密码</th><td class="mono">${n.initialPassword}</td></tr>
                <tr><th>登录地址</th><td>${batch.signInUrl}</td></tr>
              </table>
              <div class="qr">${raw(qr)}<div>手机扫码登录</div></div>
            </div>
            <ol>
              <li>首次登录后须立即修改初始密码；新密码 8 至 64 位，至少包含大写字母、小写字母、数字、符号中的三类。</li>
              <li>本通知单仅限本人使用，请妥善保管，不要转交他人；修改密码后请将本单销毁。</li>
              <li>密码连续输错 5 次账号将暂时锁定；忘记密码请联系上级党组织的系统管理员重置。</li>
            </ol>
            <div class="foot"><span>签发：${batch.issuer}</span><span>签发日期：${batch.issuedOn}</span><span>领取人签字：__________</span></div>
          </div>`,
        )}
      </section>`,
    )}`;
  return String(await body);
}
