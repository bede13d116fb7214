package io.notifications.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes that wait while another runs are committed together, each caller returns only
 * after the commit that holds its write, and one write's failure never fails another's.
 */
class GroupCommitTests {

	final AtomicInteger commits = new AtomicInteger();

	final AtomicBoolean failCommits = new AtomicBoolean();

	final JdbcTemplate jdbc = new JdbcTemplate(counting(h2()));

	final TransactionTemplate transaction = new TransactionTemplate(transactions(this.jdbc.getDataSource()));

	final GroupCommit grouped = new GroupCommit(this.transaction, true);

	/** Writes queued behind the first one, which holds the turn until released. */
	final List<CompletableFuture<Object>> queued = new ArrayList<>();

	final CountDownLatch firstRunning = new CountDownLatch(1);

	final CountDownLatch releaseFirst = new CountDownLatch(1);

	@BeforeEach
	void table() {
		this.jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
	}

	@Test
	void writesThatWaitTogetherShareOneCommitAndEachGetsItsOwnResult() throws Exception {
		CompletableFuture<Object> first = holdTheTurn();
		for (int id = 1; id <= 3; id++) {
			queue(insert(id, "note " + id));
		}
		this.releaseFirst.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
		for (CompletableFuture<Object> write : this.queued) {
			assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo(1);
		}
		// the first ran alone in auto-commit mode; the three that waited, in one
		// transaction
		assertThat(this.commits).hasValue(1);
		assertThat(this.jdbc.queryForList("SELECT text FROM note ORDER BY id", String.class)).containsExactly("first",
				"note 1", "note 2", "note 3");
	}

	@Test
	void aFailingWriteInAGroupFailsAloneAndTheOthersAreStored() throws Exception {
		CompletableFuture<Object> first = holdTheTurn();
		queue(insert(1, "kept"));
		queue(() -> this.jdbc.update("INSERT INTO no_such_table VALUES (1)"));
		queue(insert(2, "kept too"));
		this.releaseFirst.countDown();

		first.get(5, TimeUnit.SECONDS);
		assertThat(this.queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.queued.get(1).get(5, TimeUnit.SECONDS)).isInstanceOf(BadSqlGrammarException.class);
		assertThat(this.queued.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT text FROM note WHERE id > 0 ORDER BY id", String.class))
			.containsExactly("kept", "kept too");
	}

	@Test
	void whenTheGroupsCommitFailsEveryWriteInItFailsAndNoneIsStored() throws Exception {
		CompletableFuture<Object> first = holdTheTurn();
		queue(insert(1, "lost"));
		queue(insert(2, "lost too"));
		this.failCommits.set(true);
		this.releaseFirst.countDown();

		first.get(5, TimeUnit.SECONDS);
		for (CompletableFuture<Object> write : this.queued) {
			assertThat(write.get(5, TimeUnit.SECONDS)).isInstanceOf(TransactionSystemException.class);
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM note WHERE id > 0", Integer.class)).isZero();
	}

	/** Once a group has run, the turn is free: the next write leads at once. */
	@Test
	void writesAfterAGroupRunAsBefore() throws Exception {
		CompletableFuture<Object> first = holdTheTurn();
		queue(insert(1, "grouped"));
		this.releaseFirst.countDown();
		first.get(5, TimeUnit.SECONDS);
		assertThat(this.queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);

		assertThat(CompletableFuture.supplyAsync(() -> this.grouped.write(insert(2, "after"))).get(5, TimeUnit.SECONDS))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT text FROM note WHERE id > 0 ORDER BY id", String.class))
			.containsExactly("grouped", "after");
	}

	/**
	 * An Error (not an exception) ends the group's transaction: whether the others were
	 * committed is unknown to them, so none of them is acknowledged.
	 */
	@Test
	void anErrorInAGroupAcknowledgesNoneOfTheOthers() throws Exception {
		CompletableFuture<Object> first = holdTheTurn();
		queue(insert(1, "lost"));
		queue(() -> {
			throw new StackOverflowError("in the middle of a group");
		});
		queue(insert(2, "lost too"));
		this.releaseFirst.countDown();

		first.get(5, TimeUnit.SECONDS);
		assertThat(this.queued.get(2).get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM note WHERE id > 0", Integer.class)).isZero();
	}

	@Test
	void aWriteAloneRunsInAutoCommitMode() {
		assertThat(this.grouped.write(insert(1, "alone"))).isEqualTo(1);

		assertThat(this.commits).hasValue(0);
		assertThat(this.jdbc.queryForObject("SELECT text FROM note WHERE id = 1", String.class)).isEqualTo("alone");
	}

	@Test
	void aWriteInTheCallersTransactionRunsInItAndIsRolledBackWithIt() throws Exception {
		TransactionTemplate transaction = this.transaction;
		CompletableFuture<Object> first = holdTheTurn();
		queue(insert(1, "other"));

		// not queued behind the others, where another thread would commit it
		CompletableFuture.runAsync(() -> transaction.executeWithoutResult((status) -> {
			this.grouped.write(insert(2, "rolled back"));
			status.setRollbackOnly();
		})).get(5, TimeUnit.SECONDS);
		this.releaseFirst.countDown();

		first.get(5, TimeUnit.SECONDS);
		assertThat(this.queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT text FROM note ORDER BY id", String.class)).containsExactly("first",
				"other");
	}

	@Test
	void withoutGroupingWritesRunSideBySide() throws Exception {
		GroupCommit separate = new GroupCommit(this.transaction, false);
		CountDownLatch bothRunning = new CountDownLatch(2);
		Supplier<Object> write = () -> {
			bothRunning.countDown();
			try {
				return bothRunning.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		};
		CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> separate.write(write));
		CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> separate.write(write));

		assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(true);
		assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(true);
	}

	@Test
	void aFailureOfTheConnectionReachesTheCallerAsADataAccessException() {
		JdbcTemplate refused = new JdbcTemplate(new DelegatingDataSource(h2()) {
			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("Connection refused", "08001");
			}
		});
		GroupCommit unreachable = new GroupCommit(new TransactionTemplate(transactions(refused.getDataSource())), true);

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> unreachable.write(() -> refused.update("INSERT INTO note VALUES (1, 'x')")));
	}

	/**
	 * Starts a write that holds the turn until {@link #releaseFirst}, and waits until it
	 * runs.
	 */
	private CompletableFuture<Object> holdTheTurn() throws InterruptedException {
		CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> this.grouped.write(() -> {
			this.firstRunning.countDown();
			try {
				this.releaseFirst.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return this.jdbc.update("INSERT INTO note VALUES (0, 'first')");
		}));
		assertThat(this.firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
		return first;
	}

	/**
	 * Submits a write on a thread of its own and returns once that thread waits for its
	 * turn.
	 */
	private void queue(Supplier<Object> write) throws InterruptedException {
		CompletableFuture<Thread> started = new CompletableFuture<>();
		CompletableFuture<Object> outcome = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			started.complete(Thread.currentThread());
			try {
				outcome.complete(this.grouped.write(write));
			}
			catch (RuntimeException ex) {
				outcome.complete(ex);
			}
		});
		thread.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
		this.queued.add(outcome);
	}

	private Supplier<Object> insert(int id, String text) {
		return () -> this.jdbc.update("INSERT INTO note VALUES (?, ?)", id, text);
	}

	private DataSource counting(DataSource target) {
		return new DelegatingDataSource(target) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(GroupCommitTests.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
							if (method.getName().equals("commit")) {
								if (GroupCommitTests.this.failCommits.get()) {
									throw new SQLException("Disk full", "HY000");
								}
								GroupCommitTests.this.commits.incrementAndGet();
							}
							try {
								return method.invoke(connection, arguments);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}
		};
	}

	/** As the server configures its transactions: a failed commit is rolled back. */
	private static DataSourceTransactionManager transactions(DataSource dataSource) {
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		transactions.setRollbackOnCommitFailure(true);
		return transactions;
	}

	private static JdbcDataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		return h2;
	}

}
