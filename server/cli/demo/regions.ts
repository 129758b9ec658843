// The demo's picture of the 20 regions: who comes to briefings, in which language, and what they report.
// Invented but plausible (population, rural share, language, local events of 2023), so that charts show contrasts
// an analyst would expect: rural south and new regions short of premises and access, cities of coordination.

export interface Place {
  slug: string;
  en: string;
  kk: string;
  ru: string;
}

export interface RegionProfile {
  code: string;
  /** Residents in thousands (2023, rounded): briefing turnout follows it. */
  population: number;
  /** Respondents living in a city, a town, a village. */
  settlement: readonly [number, number, number];
  /** Share of kk among kk/ru respondents; en is for international guests. */
  kk: number;
  en: number;
  /** Hours ahead of UTC in 2023 (the west kept UTC+5). */
  utcOffset: number;
  /** 0..1 levels that drive several questions. */
  akimat: number;
  business: number;
  frontOffice: number;
  international: number;
  digital: number;
  /** -1..1: volunteer numbers falling or growing. */
  trend: number;
  /** Multipliers on choice codes wherever they appear (activity fields, practices, needs). */
  emphasis: Readonly<Record<string, number>>;
  /** Added to the severity level (0..1) of problem rows. */
  severity: Readonly<Record<string, number>>;
  /** Briefing venues, the regional centre first. */
  places: readonly Place[];
}

const p = (slug: string, en: string, kk: string, ru: string): Place => ({ slug, en, kk, ru });

export const REGION_PROFILES: readonly RegionProfile[] = [
  { code: 'KZ-10', population: 605, settlement: [0.5, 0.2, 0.3], kk: 0.62, en: 0.01, utcOffset: 6,
    akimat: 0.62, business: 0.4, frontOffice: 0.55, international: 0.25, digital: 0.45, trend: 0.5,
    // The June 2023 forest fire near Semey: emergency teams and insurance come first.
    emphasis: { emergencies: 2.6, emergency_teams: 2.5, elderly: 1.4, ecology: 1.4 }, severity: { insurance: 0.25, burnout: 0.1 },
    places: [p('semey', 'Semey', 'Семей', 'Семей'), p('ayagoz', 'Ayagoz', 'Аягөз', 'Аягоз')] },
  { code: 'KZ-11', population: 787, settlement: [0.3, 0.25, 0.45], kk: 0.45, en: 0.01, utcOffset: 6,
    akimat: 0.5, business: 0.35, frontOffice: 0.5, international: 0.2, digital: 0.4, trend: 0,
    emphasis: { ecology: 1.8, animal_welfare: 1.3 }, severity: { rural_access: 0.15, premises: 0.1 },
    places: [p('kokshetau', 'Kokshetau', 'Көкшетау', 'Кокшетау'), p('stepnogorsk', 'Stepnogorsk', 'Степногор', 'Степногорск')] },
  { code: 'KZ-15', population: 920, settlement: [0.6, 0.1, 0.3], kk: 0.72, en: 0.01, utcOffset: 5,
    akimat: 0.55, business: 0.65, frontOffice: 0.6, international: 0.3, digital: 0.55, trend: 0.3,
    emphasis: { corporate_volunteering: 2, sport: 1.5 }, severity: { funding: -0.1 },
    places: [p('aktobe', 'Aktobe', 'Ақтөбе', 'Актобе'), p('khromtau', 'Khromtau', 'Хромтау', 'Хромтау')] },
  { code: 'KZ-19', population: 1510, settlement: [0.15, 0.2, 0.65], kk: 0.76, en: 0.01, utcOffset: 6,
    akimat: 0.42, business: 0.4, frontOffice: 0.42, international: 0.3, digital: 0.4, trend: 0.2,
    emphasis: { ecology: 1.4, children: 1.2 }, severity: { rural_access: 0.2, premises: 0.2, information: 0.15 },
    places: [p('konaev', 'Konaev', 'Қонаев', 'Конаев'), p('kaskelen', 'Kaskelen', 'Қаскелең', 'Каскелен'), p('esik', 'Esik', 'Есік', 'Есик')] },
  { code: 'KZ-23', population: 690, settlement: [0.55, 0.1, 0.35], kk: 0.88, en: 0.02, utcOffset: 5,
    // Oil companies fund much of the sector: business cooperation is the best in the country.
    akimat: 0.55, business: 0.8, frontOffice: 0.6, international: 0.45, digital: 0.5, trend: 0.2,
    emphasis: { corporate_volunteering: 2.6, emergencies: 1.5 }, severity: { funding: -0.25, insurance: 0.1 },
    places: [p('atyrau', 'Atyrau', 'Атырау', 'Атырау'), p('kulsary', 'Kulsary', 'Құлсары', 'Кульсары')] },
  { code: 'KZ-27', population: 690, settlement: [0.45, 0.1, 0.45], kk: 0.62, en: 0.01, utcOffset: 5,
    akimat: 0.5, business: 0.55, frontOffice: 0.5, international: 0.3, digital: 0.45, trend: 0,
    emphasis: { emergencies: 1.6, social_help: 1.2 }, severity: { rural_access: 0.1 },
    places: [p('oral', 'Oral', 'Орал', 'Уральск'), p('aksai', 'Aksai', 'Ақсай', 'Аксай')] },
  { code: 'KZ-31', population: 1215, settlement: [0.3, 0.1, 0.6], kk: 0.82, en: 0.01, utcOffset: 6,
    akimat: 0.38, business: 0.3, frontOffice: 0.45, international: 0.15, digital: 0.35, trend: -0.2,
    emphasis: { social_help: 1.4, children: 1.3 }, severity: { funding: 0.2, premises: 0.15, information: 0.1 },
    places: [p('taraz', 'Taraz', 'Тараз', 'Тараз'), p('shu', 'Shu', 'Шу', 'Шу')] },
  { code: 'KZ-33', population: 695, settlement: [0.3, 0.15, 0.55], kk: 0.74, en: 0.01, utcOffset: 6,
    // A region since 2022: the Front-office and the coordination between organisations are still forming.
    akimat: 0.5, business: 0.3, frontOffice: 0.35, international: 0.15, digital: 0.35, trend: 0.3,
    emphasis: { ecology: 1.3 }, severity: { coordination: 0.25, premises: 0.15, training: 0.1 },
    places: [p('taldykorgan', 'Taldykorgan', 'Талдықорған', 'Талдыкорган'), p('zharkent', 'Zharkent', 'Жаркент', 'Жаркент')] },
  { code: 'KZ-35', population: 1130, settlement: [0.75, 0.1, 0.15], kk: 0.4, en: 0.01, utcOffset: 6,
    akimat: 0.6, business: 0.55, frontOffice: 0.75, international: 0.3, digital: 0.6, trend: -0.1,
    emphasis: { elderly: 1.6, silver_volunteering: 2, social_help: 1.3 }, severity: { burnout: 0.2, recognition: 0.15 },
    places: [p('karaganda', 'Karaganda', 'Қарағанды', 'Караганда'), p('temirtau', 'Temirtau', 'Теміртау', 'Темиртау'), p('balkhash', 'Balkhash', 'Балқаш', 'Балхаш')] },
  { code: 'KZ-39', population: 830, settlement: [0.45, 0.15, 0.4], kk: 0.32, en: 0.01, utcOffset: 6,
    akimat: 0.55, business: 0.45, frontOffice: 0.55, international: 0.2, digital: 0.45, trend: -0.2,
    emphasis: { animal_welfare: 1.8, elderly: 1.3 }, severity: { rural_access: 0.1, burnout: 0.1 },
    places: [p('kostanay', 'Kostanay', 'Қостанай', 'Костанай'), p('rudny', 'Rudny', 'Рудный', 'Рудный')] },
  { code: 'KZ-43', population: 830, settlement: [0.35, 0.1, 0.55], kk: 0.95, en: 0.01, utcOffset: 5,
    // The Aral Sea: ecology is the first cause here.
    akimat: 0.6, business: 0.35, frontOffice: 0.55, international: 0.4, digital: 0.4, trend: 0.4,
    emphasis: { ecology: 2.4, health: 1.3 }, severity: { funding: 0.15 },
    places: [p('kyzylorda', 'Kyzylorda', 'Қызылорда', 'Кызылорда'), p('aral', 'Aral', 'Арал', 'Аральск')] },
  { code: 'KZ-47', population: 770, settlement: [0.45, 0.2, 0.35], kk: 0.86, en: 0.02, utcOffset: 5,
    akimat: 0.5, business: 0.7, frontOffice: 0.55, international: 0.35, digital: 0.5, trend: 0.4,
    emphasis: { ecology: 1.9, corporate_volunteering: 1.8, sport: 1.3 }, severity: { premises: 0.15 },
    places: [p('aktau', 'Aktau', 'Ақтау', 'Актау'), p('zhanaozen', 'Zhanaozen', 'Жаңаөзен', 'Жанаозен')] },
  { code: 'KZ-55', population: 750, settlement: [0.7, 0.1, 0.2], kk: 0.35, en: 0.01, utcOffset: 6,
    akimat: 0.68, business: 0.55, frontOffice: 0.72, international: 0.25, digital: 0.55, trend: 0.1,
    emphasis: { recognition_awards: 1.8, ecology: 1.3 }, severity: { recognition: -0.15 },
    places: [p('pavlodar', 'Pavlodar', 'Павлодар', 'Павлодар'), p('ekibastuz', 'Ekibastuz', 'Екібастұз', 'Экибастуз')] },
  { code: 'KZ-59', population: 530, settlement: [0.4, 0.05, 0.55], kk: 0.2, en: 0.01, utcOffset: 6,
    // Ageing and shrinking: fewer volunteers each year, and villages far apart.
    akimat: 0.52, business: 0.3, frontOffice: 0.5, international: 0.15, digital: 0.4, trend: -0.6,
    emphasis: { elderly: 1.9, silver_volunteering: 1.8 }, severity: { rural_access: 0.25, burnout: 0.15 },
    places: [p('petropavl', 'Petropavl', 'Петропавл', 'Петропавловск'), p('bulaevo', 'Bulaevo', 'Булаев', 'Булаево')] },
  { code: 'KZ-61', population: 2110, settlement: [0.1, 0.15, 0.75], kk: 0.95, en: 0.005, utcOffset: 6,
    akimat: 0.48, business: 0.3, frontOffice: 0.45, international: 0.2, digital: 0.3, trend: 0.5,
    emphasis: { children: 1.6, social_help: 1.5, culture: 1.3 }, severity: { rural_access: 0.2, premises: 0.2, funding: 0.15, information: 0.15 },
    places: [p('turkistan', 'Turkistan', 'Түркістан', 'Туркестан'), p('kentau', 'Kentau', 'Кентау', 'Кентау'), p('saryagash', 'Saryagash', 'Сарыағаш', 'Сарыагаш')] },
  { code: 'KZ-62', population: 222, settlement: [0.6, 0.15, 0.25], kk: 0.72, en: 0.005, utcOffset: 6,
    // The newest and smallest region: almost everything is missing, the Front-office first.
    akimat: 0.45, business: 0.45, frontOffice: 0.22, international: 0.1, digital: 0.35, trend: 0.1,
    emphasis: { social_help: 1.3 }, severity: { coordination: 0.25, premises: 0.25, training: 0.2, information: 0.1 },
    places: [p('jezkazgan', 'Jezkazgan', 'Жезқазған', 'Жезказган'), p('satpayev', 'Satpayev', 'Сәтбаев', 'Сатпаев')] },
  { code: 'KZ-63', population: 725, settlement: [0.6, 0.15, 0.25], kk: 0.38, en: 0.01, utcOffset: 6,
    akimat: 0.55, business: 0.5, frontOffice: 0.62, international: 0.25, digital: 0.5, trend: -0.1,
    emphasis: { ecology: 1.7, emergencies: 1.6, emergency_teams: 1.5 }, severity: { insurance: 0.1 },
    places: [p('oskemen', 'Oskemen', 'Өскемен', 'Усть-Каменогорск'), p('ridder', 'Ridder', 'Риддер', 'Риддер')] },
  { code: 'KZ-71', population: 1355, settlement: [0.97, 0.02, 0.01], kk: 0.62, en: 0.05, utcOffset: 6,
    akimat: 0.72, business: 0.6, frontOffice: 0.85, international: 0.75, digital: 0.85, trend: 0.4,
    emphasis: { online_platforms: 1.5, digital_volunteering: 2, corporate_volunteering: 1.4, education: 1.3 }, severity: { burnout: 0.2, coordination: 0.1 },
    places: [p('astana', 'Astana', 'Астана', 'Астана')] },
  { code: 'KZ-75', population: 2230, settlement: [0.97, 0.02, 0.01], kk: 0.4, en: 0.06, utcOffset: 6,
    // Many NGOs and expensive rent: competition, coordination and premises rather than digital tools.
    akimat: 0.48, business: 0.6, frontOffice: 0.7, international: 0.8, digital: 0.9, trend: 0.3,
    emphasis: { online_platforms: 1.6, digital_volunteering: 2.2, animal_welfare: 1.8, ecology: 1.4, media_campaigns: 1.5 },
    severity: { coordination: 0.2, burnout: 0.25, premises: 0.15 },
    places: [p('almaty', 'Almaty', 'Алматы', 'Алматы')] },
  { code: 'KZ-79', population: 1200, settlement: [0.9, 0.05, 0.05], kk: 0.85, en: 0.01, utcOffset: 6,
    akimat: 0.6, business: 0.45, frontOffice: 0.65, international: 0.3, digital: 0.65, trend: 0.5,
    emphasis: { education: 1.4, sport: 1.4, education_clubs: 1.6 }, severity: { funding: 0.1, premises: 0.1 },
    places: [p('shymkent', 'Shymkent', 'Шымкент', 'Шымкент')] },
];

const byCode = new Map(REGION_PROFILES.map((r) => [r.code, r]));

export function regionProfile(code: string): RegionProfile {
  const profile = byCode.get(code);
  if (!profile) throw new Error(`no demo profile for region ${code}`);
  return profile;
}
