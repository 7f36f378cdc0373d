import { useEffect, useRef, useState } from 'react';
import { Api, ApiError } from '../api';
import type { AccountResource } from '../protocol';
import { useText } from '../text';
import { fieldProblem } from './Profile';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The node's local accounts: list them, add one, disable or enable one, reset a password, give or take the auditor role. Admins only. */
export function People({ api, myId }: { api: Api; myId: string }) {
  const t = useText();
  const [accounts, setAccounts] = useState<AccountResource[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [resetting, setResetting] = useState<AccountResource | null>(null);
  // Accounts live at the embedded provider; with an external one (404 here) they are managed there.
  const [external, setExternal] = useState(false);

  const load = () => api.accounts().then(setAccounts, (e: Error) => {
    if (e instanceof ApiError && e.problem.status === 404) setExternal(true);
    else setNotice({ kind: 'error', text: `${t('failed')}: ${e.message}` });
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [api]);

  const toggle = async (account: AccountResource) => {
    const name = account.display_name;
    if (!window.confirm(t(account.disabled ? 'enableQuestion' : 'disableQuestion', { name }))) return;
    try {
      await api.patchAccount(account.id, { disabled: !account.disabled });
      setNotice({ kind: 'ok', text: t(account.disabled ? 'accountEnabledNotice' : 'accountDisabledNotice', { name }) });
      await load();
    } catch (e) {
      const refusedSelf = e instanceof ApiError && e.problem.status === 403 && account.id === myId;
      setNotice({ kind: 'error', text: refusedSelf ? t('errorSelfDisable') : fieldProblem(t, e).message });
    }
  };

  const toggleAuditor = async (account: AccountResource) => {
    const name = account.display_name;
    if (!window.confirm(t(account.is_auditor ? 'takeAuditorQuestion' : 'giveAuditorQuestion', { name }))) return;
    try {
      await api.patchAccount(account.id, { is_auditor: !account.is_auditor });
      setNotice({ kind: 'ok', text: t(account.is_auditor ? 'auditorTakenNotice' : 'auditorGivenNotice', { name }) });
      await load();
    } catch (e) {
      setNotice({ kind: 'error', text: fieldProblem(t, e).message });
    }
  };

  if (external) return null;
  return (
    <section className="card people" aria-labelledby="people-title">
      <h2 id="people-title">{t('people')}</h2>
      <p className="muted">{t('peopleIntro')}</p>
      {notice && <p role={notice.kind === 'ok' ? 'status' : 'alert'} className={notice.kind === 'ok' ? 'notice' : 'alert'}>{notice.text}</p>}
      {!accounts ? <p>{t('loading')}</p> : accounts.length === 0 ? <p className="muted">{t('noPeople')}</p> : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('userName')}</th><th scope="col">{t('displayName')}</th><th scope="col">{t('email')}</th>
                <th scope="col">{t('accountState')}</th><th scope="col">{t('createdOn')}</th><th scope="col"><span className="sr-only">{t('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className={a.disabled ? 'is-disabled' : undefined}>
                  <td>{a.user_name}{a.is_admin && <span className="badge">{t('isAdmin')}</span>}{a.is_auditor && <span className="badge">{t('isAuditor')}</span>}</td>
                  <td>{a.display_name}</td>
                  <td>{a.email ?? ''}</td>
                  <td><span className={`badge${a.disabled ? ' warn' : ' ok'}`}>{a.disabled ? t('accountDisabled') : t('accountActive')}</span></td>
                  <td>{a.created_at ? new Date(a.created_at).toLocaleDateString(document.documentElement.lang || undefined) : '—'}</td>
                  <td><div className="actions">
                    {a.id !== myId && (
                      <button type="button" className="secondary small" aria-label={t(a.disabled ? 'enableAccount' : 'disableAccount', { name: a.display_name })}
                        onClick={() => void toggle(a)}>{a.disabled ? t('enable') : t('disable')}</button>
                    )}
                    <button type="button" className="secondary small" aria-label={t(a.is_auditor ? 'takeAuditorFor' : 'giveAuditorFor', { name: a.display_name })}
                      onClick={() => void toggleAuditor(a)}>{a.is_auditor ? t('takeAuditor') : t('giveAuditor')}</button>
                    <button type="button" className="secondary small" aria-label={t('resetPasswordFor', { name: a.display_name })}
                      onClick={() => { setNotice(null); setResetting(a); }}>{t('resetPassword')}</button>
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddPerson api={api} onAdded={(a) => { setNotice({ kind: 'ok', text: t('accountAdded', { name: a.display_name }) }); void load(); }} />
      {resetting && (
        <ResetPassword api={api} account={resetting} onClose={(done) => {
          if (done) setNotice({ kind: 'ok', text: t('passwordWasReset', { name: resetting.display_name }) });
          setResetting(null);
        }} />
      )}
    </section>
  );
}

function AddPerson({ api, onAdded }: { api: Api; onAdded: (account: AccountResource) => void }) {
  const t = useText();
  const empty = { user_name: '', display_name: '', email: '', password: '', is_admin: false, is_auditor: false };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const set = (change: Partial<typeof empty>) => setForm((f) => ({ ...f, ...change }));
  const errorOf = (field: string) => (problem?.field === field ? problem.message : null);
  const invalid = (field: string) => (errorOf(field) ? { 'aria-invalid': true, 'aria-describedby': `add-${field}-error` } : {});
  const error = (field: string) => errorOf(field) && <span id={`add-${field}-error`} className="field-error">{errorOf(field)}</span>;

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setProblem(null);
    try {
      const account = await api.createAccount({
        user_name: form.user_name.trim(), display_name: form.display_name.trim() || undefined, email: form.email.trim() || undefined,
        password: form.password, is_admin: form.is_admin, is_auditor: form.is_auditor,
      });
      setForm(empty);
      onAdded(account);
    } catch (error) {
      setProblem(fieldProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form add-person" onSubmit={(e) => void add(e)} noValidate aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('addPerson')}</h3>
      <div className="row">
        <label>{t('userName')}<input value={form.user_name} onChange={(e) => set({ user_name: e.target.value })} required autoComplete="off" {...invalid('user_name')} />{error('user_name')}</label>
        <label>{t('displayName')}<input value={form.display_name} onChange={(e) => set({ display_name: e.target.value })} autoComplete="off" {...invalid('display_name')} />{error('display_name')}</label>
      </div>
      <div className="row">
        <label>{t('emailOptional')}<input type="email" value={form.email} onChange={(e) => set({ email: e.target.value })} autoComplete="off" {...invalid('email')} />{error('email')}</label>
        <label>{t('password')}<input type="password" value={form.password} onChange={(e) => set({ password: e.target.value })} required autoComplete="new-password" {...invalid('password')} />{error('password')}</label>
      </div>
      <label className="toggle"><input type="checkbox" checked={form.is_admin} onChange={(e) => set({ is_admin: e.target.checked })} />{t('isAdmin')}</label>
      <label className="toggle"><input type="checkbox" checked={form.is_auditor} onChange={(e) => set({ is_auditor: e.target.checked })} />{t('isAuditorLong')}</label>
      {problem && !problem.field && <p role="alert" className="alert">{problem.message}</p>}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{t('addAccount')}</button></div>
    </form>
  );
}

/** A modal dialog asking for the new password. */
function ResetPassword({ api, account, onClose }: { api: Api; account: AccountResource; onClose: (done: boolean) => void }) {
  const t = useText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setProblem(null);
    try {
      await api.patchAccount(account.id, { password });
      onClose(true);
    } catch (error) {
      setProblem(fieldProblem(t, error).message);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="card reset-password" aria-labelledby="reset-title" onCancel={() => onClose(false)}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <h3 id="reset-title">{t('resetPasswordFor', { name: account.display_name })}</h3>
        <label>{t('newPassword')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" autoFocus
            aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'reset-error' : undefined} />
          {problem && <span id="reset-error" className="field-error" role="alert">{problem}</span>}
        </label>
        <div className="actions end">
          <button type="button" className="secondary" onClick={() => onClose(false)}>{t('cancelAction')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('setPassword')}</button>
        </div>
      </form>
    </dialog>
  );
}
