// The warning on the briefings pages, the poster and the live screen when their links point at an address phones
// cannot open (PUBLIC_URL unset, and this machine's own address or a loopback-only listener), and what to set.
import type { PublicAddress } from '../../../server/domain/public-address';
import type { Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import './address-warning.css';

const WARNING: Record<Locale, { title: string; body: (origin: string) => string }> = {
  kk: {
    title: 'Жария мекенжай орнатылмаған: телефондар бұл сілтемені аша алмайды',
    body: (origin) =>
      `Сілтемелер, QR-кодтар, плакаттар мен тікелей эфир экраны ${origin} мекенжайына апарады, ол тек осы компьютерде ашылады. Серверді PUBLIC_URL=http://<компьютердің мекенжайы>:<порт> және HOST=0.0.0.0 арқылы қайта іске қосыңыз (README, «Public address»), содан кейін плакаттарды басып шығарыңыз.`,
  },
  ru: {
    title: 'Публичный адрес не задан: телефоны не откроют эту ссылку',
    body: (origin) =>
      `Ссылки, QR-коды, плакаты и экран трансляции ведут на ${origin} — этот адрес открывается только на этом компьютере. Перезапустите сервер с PUBLIC_URL=http://<адрес компьютера>:<порт> и HOST=0.0.0.0 (README, раздел «Public address») и только потом печатайте плакаты.`,
  },
  en: {
    title: 'No public address set: phones cannot open this link',
    body: (origin) =>
      `Links, QR codes, posters and the live screen point at ${origin}, which opens on this computer only. Restart the server with PUBLIC_URL=http://<this computer's address>:<port> and HOST=0.0.0.0 (README, 'Public address') before printing posters.`,
  },
};

/** The links' address as the server works it out; null while loading or if the request failed. */
export function usePublicAddress(): PublicAddress | null {
  const [load] = useLoad(() => getJson<PublicAddress>('/api/public-address'), 'public-address');
  return load.state === 'ready' ? load.value : null;
}

/** Nothing when the address is fine; else an alert in `locales` (the poster shows Kazakh and Russian). */
export function AddressWarning({ address, locales }: { address: PublicAddress | null; locales: Locale[] }) {
  if (!address?.warning) return null;
  return (
    <div className="address-warning" role="alert">
      {locales.map((lang) => (
        <div lang={lang} key={lang}>
          <strong>{WARNING[lang].title}</strong>
          <p>{WARNING[lang].body(address.origin)}</p>
        </div>
      ))}
    </div>
  );
}
