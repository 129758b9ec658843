// What a reader is told about the numbers' protection (README "How small groups are protected"), in kk/ru/en.
import type { Locale } from '../../lib/locale';

export interface PrivacyStrings {
  /** Beside the numbers, for a reader whose counts are perturbed. */
  perturbed: string;
  /** Beside the numbers, for a reader who may download these responses and so sees exact counts. */
  exact: string;
  /** The folded explanation's summary line. */
  how: string;
  /** The explanation: a few sentences, one per paragraph. */
  details: (k: number) => string[];
}

const kk: PrivacyStrings = {
  perturbed:
    'Шағын топтарды қорғау үшін сандар сәл өзгертілген: ±2 айырмашылықтың мәні жоқ. Пайыздар мен орташалар да осы сандардан есептеледі.',
  exact:
    'Сіз бұл өңірлердің жеке жауаптарын жүктей аласыз, сондықтан сандар дәл. Оларды басқаларға беретін болсаңыз, шағын топтарды ескеріңіз.',
  how: 'Шағын топтар қалай қорғалады',
  details: (k) => [
    'Әр жауапқа сақталған кезде кездейсоқ кілт беріледі. Ұяшықтың кілті оның жауаптарының кілттерінен шығады, ал бекітілген кесте оған −2…+2 аралығында шу қосады (орташасы нөл).',
    'Бір адамдар тобы әрдайым бірдей сан алады: сұрауды қайталау не басқаша құру шуды жоймайды. Бір адамға ғана айырмашылығы бар екі сұрау әртүрлі шу алады, сондықтан оларды азайту ол адамның жауаптарын бермейді.',
    `Бос ұяшық әрқашан 0, бірақ 0 бір-екі адамды да жасыруы мүмкін. 1…${k - 1} сандары «< ${k}» деп көрсетіледі. Жиынтықтар, пайыздар, орташалар, медианалар мен орташа рангтер жарияланған сандардан ғана есептеледі.`,
    'Кепілдік етілмейді: өте көп әртүрлі кезеңдер мен сүзгілер бойынша орташалау шуды азайта алады, сондықтан сүзгілер тек тұтас күн мен тұтас өңір бойынша.',
  ],
};

const ru: PrivacyStrings = {
  perturbed:
    'Числа немного изменены, чтобы защитить малые группы: разница в ±2 ничего не значит. Проценты и средние считаются по этим же числам.',
  exact:
    'Вы можете выгрузить ответы этих регионов, поэтому числа точные. Передавая их другим, помните о малых группах.',
  how: 'Как защищены малые группы',
  details: (k) => [
    'Каждый ответ при сохранении получает случайный ключ. Ключ ячейки складывается из ключей её ответов, а постоянная таблица добавляет к числу шум от −2 до +2 (в среднем ноль).',
    'Одна и та же группа людей всегда получает одно и то же число: повтор запроса или другая его формулировка шум не убирают. Два запроса, отличающиеся одним человеком, получают разный шум, и вычитание не выдаёт его ответов.',
    `Пустая ячейка всегда 0, но 0 может скрывать одного-двух человек. Числа 1…${k - 1} показаны как «< ${k}». Итоги, проценты, средние, медианы и средние ранги считаются только по опубликованным числам.`,
    'Что не обещается: усреднение по очень многим разным периодам и фильтрам может уменьшить шум, поэтому фильтры — только целые дни и целые регионы.',
  ],
};

const en: PrivacyStrings = {
  perturbed:
    'Numbers are slightly perturbed to protect small groups; differences of ±2 are not meaningful. Percentages and means are worked out from these numbers.',
  exact:
    'You may download these regions’ responses, so the numbers are exact. Mind small groups when you pass them on.',
  how: 'How small groups are protected',
  details: (k) => [
    'Each response gets a random key when it is stored. A cell’s key comes from its responses’ keys, and a fixed table adds noise from −2 to +2 to its count (zero on average).',
    'The same group of people always gets the same number: repeating a query or phrasing it differently does not remove the noise. Two queries one person apart get different noise, so subtracting them does not give that person’s answers.',
    `An empty cell always shows 0, but a 0 may also hide one or two people. Counts 1…${k - 1} show as “< ${k}”. Totals, percentages, means, medians and mean ranks are worked out from the published numbers only.`,
    'Not promised: averaging over very many different periods and filters can wear the noise down, which is why filters are whole days and whole regions only.',
  ],
};

export const PRIVACY_STRINGS: Record<Locale, PrivacyStrings> = { kk, ru, en };
