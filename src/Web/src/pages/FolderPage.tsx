import { FolderFiles } from '../room/FilesPanel';
import { linkParts } from '../sharedFolder';
import { useText } from '../text';

/** The shared folder on its own page (OpenTalk's web app opens this link): the token in the address is the key. */
export function FolderPage() {
  const t = useText();
  const parts = linkParts(window.location.href);
  return (
    <div className="page">
      <h1>{t('sharedFolder')}</h1>
      {parts ? <FolderFiles roomId={parts.roomId} token={parts.token} /> : <p role="alert" className="alert">{t('folderLinkInvalid')}</p>}
    </div>
  );
}
