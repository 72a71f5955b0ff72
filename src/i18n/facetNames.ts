// The names of common categories and worker affinities in the interface's
// shipped languages, so that a German, Japanese or Arabic page does not name
// its categories in English. A catalog names its own in its settings
// (categories.<slug>.labels, affinities.<slug>.labels), which come first;
// a slug found in neither shows as its title-cased self.

type Names = Record<string, string>;

const de: { categories: Names; affinities: Names } = {
  categories: {
    business: 'Wirtschaft', data: 'Daten', design: 'Design', education: 'Bildung', engineering: 'Technik', finance: 'Finanzen', general: 'Allgemein',
    health: 'Gesundheit', legal: 'Recht', marketing: 'Marketing', operations: 'Betrieb', product: 'Produkt', research: 'Forschung', sales: 'Vertrieb',
    science: 'Wissenschaft', security: 'Sicherheit', support: 'Support', travel: 'Reisen', writing: 'Schreiben', lifestyle: 'Alltag', entertainment: 'Unterhaltung',
    productivity: 'Produktivität', programming: 'Programmierung', development: 'Entwicklung', copywriting: 'Werbetext', translation: 'Übersetzung', career: 'Beruf',
  },
  affinities: {
    analysis: 'Analyse', coaching: 'Coaching', coding: 'Programmieren', design: 'Gestaltung', operations: 'Betrieb', planning: 'Planung', research: 'Recherche',
    review: 'Prüfung', teaching: 'Unterrichten', writing: 'Schreiben', testing: 'Testen', support: 'Support', translation: 'Übersetzen',
  },
};

const ja: typeof de = {
  categories: {
    business: 'ビジネス', data: 'データ', design: 'デザイン', education: '教育', engineering: 'エンジニアリング', finance: '金融', general: '一般',
    health: '健康', legal: '法務', marketing: 'マーケティング', operations: '運用', product: 'プロダクト', research: 'リサーチ', sales: '営業',
    science: '科学', security: 'セキュリティ', support: 'サポート', travel: '旅行', writing: 'ライティング', lifestyle: 'ライフスタイル', entertainment: 'エンタメ',
    productivity: '生産性', programming: 'プログラミング', development: '開発', copywriting: 'コピーライティング', translation: '翻訳', career: 'キャリア',
  },
  affinities: {
    analysis: '分析', coaching: 'コーチング', coding: 'コーディング', design: 'デザイン', operations: '運用', planning: '計画', research: '調査',
    review: 'レビュー', teaching: '指導', writing: '執筆', testing: 'テスト', support: 'サポート', translation: '翻訳',
  },
};

const ar: typeof de = {
  categories: {
    business: 'الأعمال', data: 'البيانات', design: 'التصميم', education: 'التعليم', engineering: 'الهندسة', finance: 'المالية', general: 'عام',
    health: 'الصحة', legal: 'القانون', marketing: 'التسويق', operations: 'العمليات', product: 'المنتج', research: 'البحث', sales: 'المبيعات',
    science: 'العلوم', security: 'الأمن', support: 'الدعم', travel: 'السفر', writing: 'الكتابة', lifestyle: 'نمط الحياة', entertainment: 'الترفيه',
    productivity: 'الإنتاجية', programming: 'البرمجة', development: 'التطوير', copywriting: 'كتابة الإعلانات', translation: 'الترجمة', career: 'المسار المهني',
  },
  affinities: {
    analysis: 'التحليل', coaching: 'التوجيه', coding: 'البرمجة', design: 'التصميم', operations: 'العمليات', planning: 'التخطيط', research: 'البحث',
    review: 'المراجعة', teaching: 'التدريس', writing: 'الكتابة', testing: 'الاختبار', support: 'الدعم', translation: 'الترجمة',
  },
};

const NAMES: Record<string, typeof de> = { de, ja, ar };

/** The shipped name of a category or an affinity in `lang` (its primary subtag: de-AT reads German), when there is one. */
export function shippedFacetName(kind: 'categories' | 'affinities', slug: string, lang: string): string | undefined {
  return NAMES[lang.split('-')[0]]?.[kind][slug];
}
