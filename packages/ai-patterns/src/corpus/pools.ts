/**
 * Filler words for the corpus generators. Training and test draw from disjoint pools,
 * so the test split never sees a table, column, person or product name training saw.
 */
export interface Pools {
  /** Table names. */
  readonly tables: readonly string[];
  /** Column names. */
  readonly columns: readonly string[];
  /** First names. */
  readonly firstNames: readonly string[];
  /** Family names, some with apostrophes. */
  readonly lastNames: readonly string[];
  /** Everyday nouns for products, prose and JSON. */
  readonly nouns: readonly string[];
  /** Adjectives. */
  readonly adjectives: readonly string[];
  /** Domain names for e-mails, URLs and out-of-band hosts. */
  readonly domains: readonly string[];
  /** Shell commands seen in command-execution payloads. */
  readonly commands: readonly string[];
}

const list = (text: string) => text.trim().split(/\s+/);

/** Pools for the training and validation splits. */
export const TRAIN_POOLS: Pools = {
  tables: list("users orders products accounts invoices customers employees sessions payments carts reviews shipments tickets articles comments"),
  columns: list("id name email status created_at updated_at price quantity total user_id order_id title body role age city country amount"),
  firstNames: list("john mary alice bob carol dave erin frank grace heidi ivan judy mallory oscar peggy sybil trent victor walter"),
  lastNames: list("smith o'brien johnson d'angelo williams brown jones o'connor miller davis garcia rodriguez wilson martinez anderson o'neil taylor"),
  nouns: list("apples table chair lamp book phone cable shoes jacket bottle garden window coffee ticket river pencil camera wallet blanket"),
  adjectives: list("red small large cheap quick quiet bright old fresh simple heavy soft warm cold happy"),
  domains: list("example.com mail.test corp.example shop.test acme.example"),
  commands: list("whoami id dir ipconfig hostname"),
};

/** Pools for the test split (no overlap with {@link TRAIN_POOLS}). */
export const TEST_POOLS: Pools = {
  tables: list("members subscriptions vendors warehouses patients appointments courses enrollments flights bookings devices alerts budgets"),
  columns: list("uid username phone zip balance score label kind deleted owner_id starts_at ends_at sku weight notes region"),
  firstNames: list("liam emma noah olivia ava lucas mia ethan zoe leo nora max iris omar lena"),
  lastNames: list("o'hara mcdonald d'souza nguyen kowalski o'sullivan dubois rossi l'amour schmidt tanaka fischer o'reilly"),
  nouns: list("pears sofa desk kettle novel tablet charger boots scarf jar fence mirror tea pass lake marker drone purse pillow"),
  adjectives: list("blue tiny huge bargain rapid silent shiny ancient ripe plain light rough cozy icy cheerful"),
  domains: list("mailbox.example post.test firm.example store.test widgets.example"),
  commands: list("uname ls net ping systeminfo"),
};
