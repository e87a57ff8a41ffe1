//! Knowledge-base scale: nearest-neighbour latency (p50/p95 over 200 queries, k = 10) with
//! 10k and 100k stored 384-d vectors, SQLite (exact scan) and PostgreSQL + pgvector (HNSW)
//! side by side in one run.
//!
//!     cargo bench --bench kb -- [POSTGRES_ADMIN_URL]
//!
//! (`cargo test` runs it without `--bench`; it then only says how to run it.)
//!
//! Vectors are random unit vectors (latency does not depend on their meaning). Without a
//! PostgreSQL URL (argument or ARCH_TEST_POSTGRES) only SQLite is measured.

use std::time::Instant;

use arch::kb;

fn unit(seed: &mut u64) -> Vec<f32> {
    let mut v: Vec<f32> = (0..384)
        .map(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            (*seed % 2000) as f32 / 1000.0 - 1.0
        })
        .collect();
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.iter_mut().for_each(|x| *x /= n);
    v
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn fill_sqlite(path: &std::path::Path, n: usize) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    conn.execute(
        "INSERT INTO project (name, root, fingerprint, languages, description, analysed_at, analysis) VALUES ('bench', '/bench', 'x', '[]', '', '0', '{}')",
        [],
    )
    .expect("project");
    let id = conn.last_insert_rowid();
    let mut seed = 42u64;
    let mut stmt = conn
        .prepare("INSERT INTO embedding (owner, owner_id, model, dim, vector) VALUES (?1, ?2, 'bench', 384, ?3)")
        .expect("prepare");
    for i in 0..n {
        let blob: Vec<u8> = unit(&mut seed)
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        stmt.execute(rusqlite::params![format!("project:bench{i}"), id, blob])
            .expect("insert");
    }
    drop(stmt);
    conn.execute_batch("COMMIT").expect("commit");
}

fn fill_postgres(url: &str, n: usize) {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    let id: i64 = client
        .query_one(
            "INSERT INTO project (name, root, fingerprint, languages, description, analysed_at, analysis) VALUES ('bench', '/bench', 'x', '[]', '', '0', '{}') RETURNING id",
            &[],
        )
        .expect("project")
        .get(0);
    let mut seed = 42u64;
    let mut tx = client.transaction().expect("tx");
    let stmt = tx
        .prepare("INSERT INTO embedding (owner, owner_id, model, dim, vector) VALUES ($1, $2, 'bench', 384, $3)")
        .expect("prepare");
    for i in 0..n {
        let v = pgvector::Vector::from(unit(&mut seed));
        tx.execute(&stmt, &[&format!("project:bench{i}"), &id, &v])
            .expect("insert");
    }
    tx.commit().expect("commit");
}

fn measure(store: &dyn kb::Store) -> (f64, f64) {
    let mut seed = 7u64;
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let q = unit(&mut seed);
            let started = Instant::now();
            let hits = store.nearest(&q, 10).expect("query");
            assert_eq!(hits.len(), 10);
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn main() {
    // `cargo test --all-targets` runs harness-less benches too; measuring belongs to `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("kb benchmark: run it with `cargo bench --bench kb`");
        return;
    }
    let admin = std::env::args()
        .skip(1)
        .find(|a| a.starts_with("postgres"))
        .or_else(|| std::env::var("ARCH_TEST_POSTGRES").ok());
    println!("| vectors | backend | p50 ms | p95 ms |\n|---:|---|---:|---:|");
    for n in [10_000usize, 100_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kb.sqlite");
        drop(kb::open(&path.display().to_string()).expect("migrate"));
        fill_sqlite(&path, n);
        let store = kb::open(&path.display().to_string()).expect("open");
        let (p50, p95) = measure(store.as_ref());
        println!("| {n} | SQLite, exact scan | {p50:.1} | {p95:.1} |");
        if let Some(admin) = &admin {
            let name = format!("arch_bench_{n}");
            let mut client = postgres::Client::connect(admin, postgres::NoTls).expect("connect");
            client
                .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
                .expect("drop");
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create");
            let url = format!("{}/{name}", &admin[..admin.rfind('/').expect("/db")]);
            drop(kb::open(&url).expect("migrate"));
            fill_postgres(&url, n);
            let store = kb::open(&url).expect("open");
            let (p50, p95) = measure(store.as_ref());
            println!("| {n} | PostgreSQL + pgvector, HNSW | {p50:.1} | {p95:.1} |");
        }
    }
}
