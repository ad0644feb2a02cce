package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * The default {@link CodeArtifactTokenProvider}: keeps a fresh token in hand, refreshed in the
 * background before it goes stale.
 * <p>
 * This class holds the token, runs one fetch at a time (single flight) and lets callers wait,
 * bounded, for it. The rules live elsewhere: which token is served in {@link ServedTokens}, when a
 * token goes stale and when the next fetch is due in {@link RefreshTiming} and
 * {@link RefreshPolicy}, the timer in {@link AttemptTimer}, the log and the listener in
 * {@link RefreshReporter}, the messages in {@link TokenFailures}.
 * <p>
 * A fresh token is served with one volatile read and one wall-clock read (two clock reads in the
 * last minutes before its refresh window, see {@link ServedToken}). A token is fresh only while
 * both the wall clock and the scheduler's monotonic clock say so, so that no clock step and no
 * suspended machine hands out a token past its expiry. All fetches run on the
 * {@link RefreshScheduler}; a caller that finds no fresh token waits, bounded, for the fetch in
 * flight and never gets a stale token.
 * <p>
 * <b>Invariant:</b> while the engine is open and started, exactly one attempt is pending, and it
 * is either running or has a live timer. Whatever a fetcher, a listener or the engine's own
 * bookkeeping throws, the attempt's outcome is completed, the failure recorded and logged, and the
 * next attempt scheduled ({@link #isAttemptPending()} checks it).
 * <p>
 * Calling {@link #getAuthorizationToken()} before {@link #start()} starts the engine.
 */
public final class RefreshingCodeArtifactTokenProvider
		implements CodeArtifactTokenProvider, TokenStateSource, AutoCloseable {

	private final AuthorizationTokenFetcher fetcher;

	private final TokenRefreshSettings settings;

	private final Clock clock;

	private final RefreshScheduler scheduler;

	private final RefreshPolicy policy;

	private final ServedTokens tokens = new ServedTokens();

	private final AttemptTimer timer;

	private final RefreshReporter reporter;

	private final TokenFailures failures;

	private final Object monitor = new Object();

	/**
	 * The thread inside a fetch and the report of its outcome: a listener (or the fetcher) that
	 * calls {@code getToken()} or {@code refresh()} there must not wait for a fetch that can only
	 * run on this same thread once it returns.
	 */
	private volatile @Nullable Thread fetchingThread;

	// The fields below are guarded by the monitor

	private @Nullable Attempt pending;

	private boolean closed;

	private @Nullable CodeArtifactTokenException lastFailure;

	private @Nullable Instant lastAttempt;

	private boolean expiryReported;

	private long refreshCount;

	private long failureCount;

	/** When the last forced refresh made (or joined) an attempt, and how many tokens had come by then. */
	private @Nullable Moment lastForcedAt;

	private long refreshesAtLastForced;

	private long forcedRefreshCount;

	private long refusedRefreshCount;

	/** When the interval's first caller that needed a longer-lived token asked, and how many tokens had come by then. */
	private @Nullable Moment lastLongerAt;

	private long refreshesAtLastLonger;

	/**
	 * Creates an engine; nothing is fetched until {@link #start()} or the first call.
	 * @param domain the CodeArtifact domain, for messages
	 * @param fetcher makes one GetAuthorizationToken call
	 * @param settings the timing of refreshes and retries
	 * @param clock the wall clock that the service's expirations are compared with
	 * @param scheduler runs the fetches and supplies the monotonic clock; closed by {@link #close()}
	 * @param listener told of each fetch outcome
	 * @param random source of the jitter
	 */
	public RefreshingCodeArtifactTokenProvider(String domain, AuthorizationTokenFetcher fetcher,
			TokenRefreshSettings settings, Clock clock, RefreshScheduler scheduler, TokenRefreshListener listener,
			RandomGenerator random) {
		this(domain, null, fetcher, settings, clock, scheduler, listener, random);
	}

	/**
	 * Creates an engine that names the domain's owner in its log; nothing is fetched until
	 * {@link #start()} or the first call.
	 * @param domain the CodeArtifact domain, for messages
	 * @param owner the AWS account that owns the domain, for the log, or {@code null} when not set
	 * @param fetcher makes one GetAuthorizationToken call
	 * @param settings the timing of refreshes and retries
	 * @param clock the wall clock that the service's expirations are compared with
	 * @param scheduler runs the fetches and supplies the monotonic clock; closed by {@link #close()}
	 * @param listener told of each fetch outcome
	 * @param random source of the jitter
	 */
	public RefreshingCodeArtifactTokenProvider(String domain, @Nullable String owner,
			AuthorizationTokenFetcher fetcher, TokenRefreshSettings settings, Clock clock, RefreshScheduler scheduler,
			TokenRefreshListener listener, RandomGenerator random) {
		Objects.requireNonNull(domain, "domain must not be null");
		this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.policy = new RefreshPolicy(settings, Objects.requireNonNull(random, "random must not be null"));
		this.timer = new AttemptTimer(scheduler, this::onTimer);
		this.reporter = new RefreshReporter(domain, owner,
				Objects.requireNonNull(listener, "listener must not be null"));
		this.failures = new TokenFailures(domain);
	}

	/** Starts background refreshing: the first token is fetched at once. Does nothing if started. */
	public void start() {
		synchronized (this.monitor) {
			if (!this.closed && this.pending == null) {
				Moment now = now();
				scheduleAttempt(now, now.monoNanos());
			}
		}
	}

	/**
	 * Waits for the first token, retrying retryable failures for up to the startup timeout. A
	 * {@linkplain CodeArtifactTokenException#isSetupFailure() set-up failure} or a non-retryable one
	 * ends the wait at once, also when it came before the wait, from an engine started earlier; the
	 * background refresh keeps retrying it when it is retryable.
	 * @return the first token
	 * @throws CodeArtifactTokenException on a non-retryable or set-up failure or when the timeout passes
	 */
	public AuthorizationToken awaitFirstToken() {
		return awaitToken(WaitMode.FIRST, this.settings.startupTimeout());
	}

	/**
	 * Returns a snapshot of the engine, without the token value.
	 * @return the state
	 */
	@Override
	public TokenState state() {
		synchronized (this.monitor) {
			Moment now = now();
			ServedToken served = this.tokens.servedAt(now);
			Attempt attempt = this.closed ? null : this.pending;
			Instant nextRefresh = (attempt != null) ? attempt.expectedAt(now) : null;
			TokenStatus status = status(served, attempt, now);
			return new TokenState(status, (served != null) ? served.token().expiration() : null,
					(served != null) ? served.token().issuedAt() : null, (served != null) ? served.staleAt() : null,
					nextRefresh, this.lastAttempt, this.lastFailure, this.refreshCount, this.failureCount,
					this.forcedRefreshCount, this.refusedRefreshCount);
		}
	}

	/**
	 * Returns whether the engine's invariant holds: closed or not yet started, or exactly one attempt
	 * pending that is running or has a live timer.
	 * @return whether an attempt is pending as it must be
	 */
	boolean isAttemptPending() {
		synchronized (this.monitor) {
			Attempt attempt = this.pending;
			return this.closed || (attempt != null && (attempt.running || attempt.timer != null))
					|| (attempt == null && this.refreshCount + this.failureCount == 0);
		}
	}

	private TokenStatus status(@Nullable ServedToken served, @Nullable Attempt attempt, Moment now) {
		if (served == null) {
			return TokenStatus.NO_TOKEN;
		}
		if (!served.isFreshAt(now)) {
			return TokenStatus.EXPIRED;
		}
		if (this.lastFailure != null) {
			return TokenStatus.REFRESH_FAILING;
		}
		return (attempt != null && attempt.running) ? TokenStatus.REFRESHING : TokenStatus.FRESH;
	}

	@Override
	public AuthorizationToken getAuthorizationToken() {
		ServedToken served = this.tokens.current();
		if (served != null && served.isFreshNow(this.clock, this.scheduler)) {
			return served.token();
		}
		return awaitToken(WaitMode.GET, this.settings.maxWait());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * When neither the token in service nor an older one still fresh lives long enough, the next
	 * attempt is brought forward (as for a caller that finds no fresh token: after a failure its
	 * backoff stands) and the caller waits, bounded, for it; callers at the same time join it. This
	 * is no forced refresh: it is neither counted nor refused as one. At most one attempt is asked
	 * for this way per {@code minForcedInterval} of the settings; within it, callers get the token
	 * that the previous one brought, long enough or not, without a call.
	 */
	@Override
	public AuthorizationToken getAuthorizationToken(Instant validUntil) {
		Objects.requireNonNull(validUntil, "validUntil must not be null");
		ServedToken served = this.tokens.current();
		if (served != null && served.lastsUntil(validUntil) && served.isFreshNow(this.clock, this.scheduler)) {
			return served.token();
		}
		return awaitLongerToken(validUntil, this.settings.maxWait());
	}

	/**
	 * At most one forced call is made per {@code minForcedInterval} of the settings; within it,
	 * callers get the token fetched after the previous forced call (waiting for it while it is in
	 * flight). A forced call skips the backoff of a failure, retryable or not, so that a fixed IAM
	 * policy takes effect at once, but never the service's {@code Retry-After}.
	 */
	@Override
	public AuthorizationToken refresh() {
		return awaitToken(WaitMode.REFRESH, this.settings.maxWait());
	}

	/** Stops refreshing; waiting callers are released with an exception; no thread is left behind. */
	@Override
	public void close() {
		Attempt attempt;
		synchronized (this.monitor) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			attempt = this.pending;
			this.pending = null;
			if (attempt != null) {
				attempt.cancelTimer();
			}
		}
		if (attempt != null) {
			attempt.outcome.completeExceptionally(this.failures.closed());
		}
		this.scheduler.close();
	}

	private Moment now() {
		return new Moment(this.clock.millis(), this.scheduler.nanoTime());
	}

	/**
	 * The slow path: waits for the outcome of the next fetch, starting one when none is due.
	 */
	private AuthorizationToken awaitToken(WaitMode mode, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean onFetchingThread = Thread.currentThread() == this.fetchingThread;
		long refreshesAtCall = -1;
		boolean force = mode.force;
		String limited = "";
		while (true) {
			CompletableFuture<AuthorizationToken> outcome;
			synchronized (this.monitor) {
				Moment now = now();
				if (refreshesAtCall < 0) {
					refreshesAtCall = this.refreshCount;
					if (force && !this.policy.allowsForced(this.lastForcedAt, now)) {
						// Rate-limited: the caller gets the token fetched after the previous forced call
						this.refusedRefreshCount++;
						force = false;
						refreshesAtCall = this.refreshesAtLastForced;
						limited = TokenFailures.limited(this.policy.minForcedInterval(),
								this.policy.nextForcedAllowed(Objects.requireNonNull(this.lastForcedAt), now));
					}
				}
				// A forced refresh wants a token fetched after the call, not the one in service
				boolean newEnough = !mode.force || this.refreshCount > refreshesAtCall;
				ServedToken served = newEnough ? this.tokens.servedAt(now) : null;
				if (served != null && served.isFreshAt(now)) {
					return served.token();
				}
				CodeArtifactTokenException settled = this.lastFailure;
				if (mode == WaitMode.FIRST && this.refreshCount == 0 && settled != null
						&& (settled.isSetupFailure() || !settled.isRetryable())) {
					// Started before the wait: its first fetch already failed in a way no retry within it mends
					throw this.failures.caller("could not be fetched", settled);
				}
				outcome = nextOutcome(force, now, deadline, timeout, limited);
				if (onFetchingThread && !outcome.isDone()) {
					throw this.failures.onRefreshThread(mode.call, this.lastFailure);
				}
			}
			force = false;
			try {
				return awaitOutcome(outcome, deadline, timeout, limited);
			}
			catch (ExecutionException ex) {
				CodeArtifactTokenException failure = this.failures.asTokenFailure(ex.getCause());
				if (!mode.retry || !failure.isRetryable() || onFetchingThread
						|| (mode == WaitMode.FIRST && failure.isSetupFailure())) {
					throw this.failures.caller(limited + "could not be fetched", failure);
				}
				// Retryable: wait for the engine's next attempt if it comes in time
			}
		}
	}

	/**
	 * Waits for an attempt's outcome until the deadline; running out of time or being interrupted
	 * becomes the caller's failure, its message starting with {@code what}.
	 */
	private AuthorizationToken awaitOutcome(CompletableFuture<AuthorizationToken> outcome, long deadline,
			Duration timeout, String what) throws ExecutionException {
		try {
			return outcome.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw this.failures.caller(what + "was not fetched within " + timeout, lastFailure());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.failures.caller(what + "was not fetched: the waiting thread was interrupted", lastFailure());
		}
	}

	/**
	 * The slow path of a caller that needs a token valid until an instant: waits for the attempt
	 * asked for by the first such caller of the interval, then serves what there is.
	 */
	private AuthorizationToken awaitLongerToken(Instant validUntil, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean onFetchingThread = Thread.currentThread() == this.fetchingThread;
		long refreshesAtCall = -1;
		while (true) {
			CompletableFuture<AuthorizationToken> outcome;
			synchronized (this.monitor) {
				Moment now = now();
				ServedToken lasting = this.tokens.lastingUntil(validUntil, now);
				if (lasting != null) {
					return lasting.token();
				}
				if (refreshesAtCall < 0) {
					if (this.policy.allowsForced(this.lastLongerAt, now)) {
						this.lastLongerAt = now;
						this.refreshesAtLastLonger = this.refreshCount;
					}
					// Within the interval: the token fetched after the interval's first such caller
					refreshesAtCall = this.refreshesAtLastLonger;
				}
				ServedToken served = this.tokens.servedAt(now);
				if (this.refreshCount > refreshesAtCall && served != null && served.isFreshAt(now)) {
					// A token came after the call and still expires too soon: no other call can help now
					return served.token();
				}
				outcome = nextOutcome(false, now, deadline, timeout, "");
				if (onFetchingThread && !outcome.isDone()) {
					throw this.failures.onRefreshThread("getAuthorizationToken(Instant)", this.lastFailure);
				}
			}
			String what = "valid until " + validUntil + " ";
			try {
				awaitOutcome(outcome, deadline, timeout, what);
			}
			catch (ExecutionException ex) {
				throw this.failures.caller(what + "could not be fetched", this.failures.asTokenFailure(ex.getCause()));
			}
		}
	}

	/** Returns the outcome a caller waits for, bringing the pending attempt forward where the rules allow. */
	private CompletableFuture<AuthorizationToken> nextOutcome(boolean force, Moment now, long deadline,
			Duration timeout, String limited) {
		if (this.closed) {
			throw this.failures.closed();
		}
		Attempt attempt = this.pending;
		if (attempt == null) {
			// Not started: the first call starts the engine
			return scheduleAttempt(now, now.monoNanos()).outcome;
		}
		if (force) {
			this.forcedRefreshCount++;
			this.lastForcedAt = now;
			this.refreshesAtLastForced = this.refreshCount;
			// The caller's token was rejected: its successor must not keep older ones in reserve
			attempt.forced = true;
		}
		if (!attempt.running) {
			attempt.due = RefreshPolicy.dueForCaller(attempt.due, this.lastFailure != null, force, now);
			this.timer.rearmIfLate(attempt, now);
			Duration wait = attempt.delayAt(now);
			if (wait.toNanos() > deadline - System.nanoTime()) {
				throw this.failures.caller(limited + "is not available: the next attempt, at " + attempt.expectedAt(now)
						+ ", is beyond the wait of " + timeout, this.lastFailure);
			}
		}
		return attempt.outcome;
	}

	private Attempt scheduleAttempt(Moment due, long notBeforeNanos) {
		Attempt attempt = new Attempt(due, notBeforeNanos);
		this.pending = attempt;
		this.timer.arm(attempt, now());
		return attempt;
	}

	private void onTimer(Attempt attempt, int generation) {
		synchronized (this.monitor) {
			if (this.closed || this.pending != attempt || attempt.running || attempt.generation != generation) {
				return;
			}
			attempt.timer = null;
			Moment now = now();
			this.tokens.guardAt(now);
			if (!attempt.isDueAt(now)) {
				// Woke early (a long delay is slept in steps, or the wall clock went back): sleep again
				this.timer.arm(attempt, now);
				return;
			}
			attempt.running = true;
			attempt.startedAt = now;
		}
		this.fetchingThread = Thread.currentThread();
		try {
			fetch(attempt);
		}
		catch (Throwable ex) {
			recover(attempt, ex);
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
		}
		finally {
			this.fetchingThread = null;
		}
	}

	/**
	 * Makes the call and settles the attempt. Whatever the fetcher throws is a failure of the
	 * attempt; a {@link VirtualMachineError} is rethrown once the attempt is settled.
	 */
	private void fetch(Attempt attempt) {
		Moment start = Objects.requireNonNull(attempt.startedAt);
		long startNanos = System.nanoTime();
		AuthorizationToken token = null;
		CodeArtifactTokenException failure = null;
		VirtualMachineError fatal = null;
		try {
			token = this.fetcher.fetch();
		}
		catch (CodeArtifactTokenException ex) {
			failure = ex;
		}
		catch (Throwable ex) {
			// Also a checked exception thrown sneakily (Kotlin) or a NoClassDefFoundError
			failure = this.failures.unexpected(ex);
			fatal = (ex instanceof VirtualMachineError error) ? error : null;
		}
		long elapsedNanos = System.nanoTime() - startNanos;
		if (token == null && failure == null) {
			failure = this.failures.noToken();
		}
		if (failure != null) {
			failed(attempt, failure, elapsedNanos);
		}
		else {
			succeeded(attempt, Objects.requireNonNull(token), start, elapsedNanos);
		}
		if (fatal != null) {
			throw fatal;
		}
	}

	private void succeeded(Attempt attempt, AuthorizationToken token, Moment start, long elapsedNanos) {
		ServedToken next = ServedToken.of(token, start, this.policy.timing());
		boolean first;
		Instant nextRefresh;
		CodeArtifactTokenException unservable = null;
		synchronized (this.monitor) {
			Moment now = now();
			first = this.tokens.isEmpty();
			if (next.isFreshAt(now)) {
				this.refreshCount++;
				this.lastAttempt = now.wallInstant();
				this.lastFailure = null;
				this.expiryReported = false;
				this.tokens.accept(next, attempt.forced);
				this.tokens.guardAt(now);
				Moment due = this.policy.afterSuccess(token, start, now);
				nextRefresh = due.expectedAt(now);
				scheduleNext(attempt, due, now.monoNanos());
			}
			else {
				// Already past or inside the stale margin: retryable, the next answer is likely fine
				unservable = this.failures.expiredAnswer(token, now.wallInstant());
				nextRefresh = null;
			}
		}
		if (unservable != null) {
			failed(attempt, unservable, elapsedNanos);
			return;
		}
		attempt.outcome.complete(token);
		this.reporter.refreshed(token, first, Objects.requireNonNull(nextRefresh), elapsedNanos);
	}

	private void failed(Attempt attempt, CodeArtifactTokenException failure, long elapsedNanos) {
		Instant nextAttempt;
		Instant expiredAt = null;
		boolean closing;
		synchronized (this.monitor) {
			closing = this.closed;
			Moment now = now();
			this.failureCount++;
			this.lastAttempt = now.wallInstant();
			this.lastFailure = failure;
			Moment due = this.policy.afterFailure(failure, now);
			long notBefore = RefreshPolicy.notBefore(failure, now);
			ServedToken served = this.tokens.servedAt(now);
			if (served != null && !this.expiryReported && served.isExpiredAt(now)) {
				this.expiryReported = true;
				expiredAt = served.token().expiration();
			}
			Attempt next = scheduleNext(attempt, due, notBefore);
			nextAttempt = (next != null) ? next.expectedAt(now) : due.expectedAt(now);
		}
		attempt.outcome.completeExceptionally(failure);
		if (closing) {
			// A fetch cut short by close() is no news
			this.reporter.endedByClose();
			return;
		}
		this.reporter.failed(failure, nextAttempt, expiredAt, elapsedNanos);
	}

	/** Replaces a settled attempt with the next one, unless closed. Called with the monitor held. */
	private @Nullable Attempt scheduleNext(Attempt settled, Moment due, long notBeforeNanos) {
		if (this.closed || this.pending != settled) {
			return null;
		}
		return scheduleAttempt(due, notBeforeNanos);
	}

	/**
	 * Settles an attempt that the engine's own bookkeeping failed to settle, as a retryable
	 * failure retried after the initial backoff, so that the engine never stops.
	 */
	private void recover(Attempt attempt, Throwable ex) {
		CodeArtifactTokenException failure = this.failures.unexpected(ex);
		Instant nextAttempt = null;
		synchronized (this.monitor) {
			if (!this.closed && this.pending == attempt) {
				Moment now = now();
				this.failureCount++;
				this.lastAttempt = now.wallInstant();
				this.lastFailure = failure;
				Moment due = now.plus(this.settings.initialBackoff());
				nextAttempt = due.wallInstant();
				scheduleAttempt(due, now.monoNanos());
			}
		}
		attempt.outcome.completeExceptionally(failure);
		if (nextAttempt != null) {
			this.reporter.recovered(ex, nextAttempt);
		}
	}

	private @Nullable CodeArtifactTokenException lastFailure() {
		synchronized (this.monitor) {
			return this.lastFailure;
		}
	}

	/**
	 * How a caller waits: whether it forces a fetch and whether it waits through retries.
	 */
	private enum WaitMode {

		/** A call that found no fresh token: one attempt. */
		GET(false, false, "getToken()"),

		/** A forced refresh: a new token, retried within the wait. */
		REFRESH(true, true, "refresh()"),

		/** The first token at startup: retried within the startup timeout. */
		FIRST(false, true, "awaitFirstToken()");

		final boolean force;

		final boolean retry;

		final String call;

		WaitMode(boolean force, boolean retry, String call) {
			this.force = force;
			this.retry = retry;
			this.call = call;
		}

	}

}
