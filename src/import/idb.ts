/** A small typed IndexedDB wrapper: one database, one object store keyed by `id`. */

export class IdbStore<T extends { id: string }> {
  #db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly dbName: string,
    private readonly store: string,
    private readonly version = 1,
  ) {}

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(this.dbName, this.version);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(this.store))
          req.result.createObjectStore(this.store, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    return this.#db;
  }

  async #run<R>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(this.store, mode);
      const req = fn(tx.objectStore(this.store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  }

  all(): Promise<T[]> {
    return this.#run('readonly', (s) => s.getAll() as IDBRequest<T[]>);
  }
  get(id: string): Promise<T | undefined> {
    return this.#run('readonly', (s) => s.get(id) as IDBRequest<T | undefined>);
  }
  async put(value: T): Promise<void> {
    await this.#run('readwrite', (s) => s.put(value));
  }
  async delete(id: string): Promise<void> {
    await this.#run('readwrite', (s) => s.delete(id));
  }
}
