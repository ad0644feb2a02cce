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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link CodeArtifactTokenProvider}: keeps a fresh token in hand, refreshed in the
 * background before it goes stale.
 * <p>
 * A fresh token is served with one volatile read and one clock read. A token goes stale its stale
 * margin before the expiration the service returned (never more than a quarter of its lifetime);
 * its successor is fetched at a jittered time inside a refresh window before that, whether or not
 * anyone asks. All fetches run one at a time on the {@link RefreshScheduler}; a caller that finds
 * no fresh token waits, bounded, for the fetch in flight and never gets a stale token.
 * <p>
 * Retryable failures are retried with exponential backoff and full jitter, never sooner than the
 * service's {@code Retry-After}; failures that need a fix are retried after the long
 * non-retryable delay. A fresh token stays in service while its successor fails.
 * <p>
 * Calling {@link #getAuthorizationToken()} before {@link #start()} starts the engine.
 */
public final class RefreshingCodeArtifactTokenProvider implements CodeArtifactTokenProvider, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RefreshingCodeArtifactTokenProvider.class);

	/**
	 * Longest a scheduled task sleeps before it looks at the clock again, so that a jump of the
	 * clock (or a suspended machine) delays a refresh by at most this much.
	 */
	static final long MAX_SLEEP_MILLIS = Duration.ofMinutes(1).toMillis();

	private final String domain;

	private final @Nullable String owner;

	private final AuthorizationTokenFetcher fetcher;

	private final TokenRefreshSettings settings;

	private final Clock clock;

	private final RefreshScheduler scheduler;

	private final TokenRefreshListener listener;

	private final RandomGenerator random;

	private final RefreshTiming timing;

	private final FailureBackOff backOff;

	private final Object monitor = new Object();

	private volatile @Nullable ServedToken current;

	// The fields below are guarded by the monitor

	private @Nullable Attempt pending;

	private boolean closed;

	private @Nullable CodeArtifactTokenException lastFailure;

	private @Nullable Instant lastAttempt;

	private long notBeforeMillis;

	private boolean expiryReported;

	private long refreshCount;

	private long failureCount;

	/**
	 * Creates an engine; nothing is fetched until {@link #start()} or the first call.
	 * @param domain the CodeArtifact domain, for messages
	 * @param fetcher makes one GetAuthorizationToken call
	 * @param settings the timing of refreshes and retries
	 * @param clock the clock that the service's expirations are compared with
	 * @param scheduler runs the fetches; closed by {@link #close()}
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
	 * @param clock the clock that the service's expirations are compared with
	 * @param scheduler runs the fetches; closed by {@link #close()}
	 * @param listener told of each fetch outcome
	 * @param random source of the jitter
	 */
	public RefreshingCodeArtifactTokenProvider(String domain, @Nullable String owner,
			AuthorizationTokenFetcher fetcher, TokenRefreshSettings settings, Clock clock, RefreshScheduler scheduler,
			TokenRefreshListener listener, RandomGenerator random) {
		this.domain = Objects.requireNonNull(domain, "domain must not be null");
		this.owner = owner;
		this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.listener = Objects.requireNonNull(listener, "listener must not be null");
		this.random = Objects.requireNonNull(random, "random must not be null");
		this.timing = new RefreshTiming(settings.staleMargin());
		this.backOff = new FailureBackOff(settings, random);
	}

	/** Starts background refreshing: the first token is fetched at once. Does nothing if started. */
	public void start() {
		synchronized (this.monitor) {
			if (!this.closed && this.pending == null) {
				scheduleAttempt(this.clock.millis());
			}
		}
	}

	/**
	 * Waits for the first token, retrying retryable failures for up to the startup timeout.
	 * @return the first token
	 * @throws CodeArtifactTokenException on a non-retryable failure or when the timeout passes
	 */
	public AuthorizationToken awaitFirstToken() {
		return awaitToken(WaitMode.FIRST, this.settings.startupTimeout());
	}

	/**
	 * Returns a snapshot of the engine, without the token value.
	 * @return the state
	 */
	public TokenState state() {
		synchronized (this.monitor) {
			ServedToken served = this.current;
			Attempt attempt = this.closed ? null : this.pending;
			Instant nextRefresh = (attempt != null) ? Instant.ofEpochMilli(attempt.dueMillis) : null;
			TokenStatus status = status(served, attempt);
			if (served == null) {
				return new TokenState(status, null, null, null, nextRefresh, this.lastAttempt, this.lastFailure,
						this.refreshCount, this.failureCount);
			}
			return new TokenState(status, served.token().expiration(), served.token().issuedAt(), served.staleAt(),
					nextRefresh, this.lastAttempt, this.lastFailure, this.refreshCount, this.failureCount);
		}
	}

	private TokenStatus status(@Nullable ServedToken served, @Nullable Attempt attempt) {
		if (served == null) {
			return TokenStatus.NO_TOKEN;
		}
		if (!served.isFreshAt(this.clock.millis())) {
			return TokenStatus.EXPIRED;
		}
		if (this.lastFailure != null) {
			return TokenStatus.REFRESH_FAILING;
		}
		return (attempt != null && attempt.running) ? TokenStatus.REFRESHING : TokenStatus.FRESH;
	}

	@Override
	public AuthorizationToken getAuthorizationToken() {
		ServedToken served = this.current;
		if (served != null && this.clock.millis() < served.staleAtMillis()) {
			return served.token();
		}
		return awaitToken(WaitMode.GET, this.settings.maxWait());
	}

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
			attempt.outcome.completeExceptionally(closedFailure());
		}
		this.scheduler.close();
	}

	/**
	 * The slow path: waits for the outcome of the next fetch, starting one when none is due.
	 */
	private AuthorizationToken awaitToken(WaitMode mode, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long refreshesAtCall = -1;
		boolean force = mode.force;
		while (true) {
			CompletableFuture<AuthorizationToken> outcome;
			synchronized (this.monitor) {
				if (refreshesAtCall < 0) {
					refreshesAtCall = this.refreshCount;
				}
				// A forced refresh wants a token fetched after the call, not the one in service
				boolean newEnough = !mode.force || this.refreshCount > refreshesAtCall;
				ServedToken served = this.current;
				if (newEnough && served != null && served.isFreshAt(this.clock.millis())) {
					return served.token();
				}
				outcome = nextOutcome(force, deadline, timeout);
			}
			force = false;
			try {
				return outcome.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
			}
			catch (ExecutionException ex) {
				CodeArtifactTokenException failure = asTokenFailure(ex.getCause());
				if (!mode.retry || !failure.isRetryable()) {
					throw callerFailure("could not be fetched", failure);
				}
				// Retryable: wait for the engine's next attempt if it comes in time
			}
			catch (TimeoutException ex) {
				throw callerFailure("was not fetched within " + timeout, lastFailure());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw callerFailure("was not fetched: the waiting thread was interrupted", lastFailure());
			}
		}
	}

	private CompletableFuture<AuthorizationToken> nextOutcome(boolean force, long deadline, Duration timeout) {
		if (this.closed) {
			throw closedFailure();
		}
		long now = this.clock.millis();
		Attempt attempt = this.pending;
		if (attempt == null) {
			return scheduleAttempt(now).outcome;
		}
		if (!attempt.running) {
			attempt.dueMillis = Math.min(attempt.dueMillis, earliestAttempt(attempt, force, now));
			boolean overdue = attempt.dueMillis <= now;
			if (overdue ? !attempt.wakesAtOnce : attempt.wakeMillis > attempt.dueMillis) {
				// Due sooner than its timer wakes (brought forward, or the clock jumped): wake it
				arm(attempt, now);
			}
			long waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(attempt.dueMillis - now, 0));
			if (waitNanos > deadline - System.nanoTime()) {
				throw callerFailure("is not available: the next attempt, at " + Instant.ofEpochMilli(attempt.dueMillis)
						+ ", is beyond the wait of " + timeout, this.lastFailure);
			}
		}
		return attempt.outcome;
	}

	/**
	 * Returns the earliest time the pending attempt may run for a caller that needs a token now. A
	 * token that went stale without a failure (a clock jump, a first call) is fetched at once; after
	 * a failure the backoff stands, except that a forced refresh skips the backoff of a retryable
	 * failure (never the service's {@code Retry-After}).
	 */
	private long earliestAttempt(Attempt attempt, boolean force, long now) {
		CodeArtifactTokenException failure = this.lastFailure;
		if (failure == null) {
			return now;
		}
		if (force && failure.isRetryable()) {
			return Math.max(now, this.notBeforeMillis);
		}
		return attempt.dueMillis;
	}

	private Attempt scheduleAttempt(long dueMillis) {
		Attempt attempt = new Attempt(dueMillis);
		this.pending = attempt;
		arm(attempt, this.clock.millis());
		return attempt;
	}

	private void arm(Attempt attempt, long now) {
		long delay = Math.min(Math.max(attempt.dueMillis - now, 0), MAX_SLEEP_MILLIS);
		attempt.cancelTimer();
		attempt.wakeMillis = now + delay;
		attempt.wakesAtOnce = (delay == 0);
		int generation = ++attempt.generation;
		attempt.timer = this.scheduler.schedule(() -> onTimer(attempt, generation), Duration.ofMillis(delay));
	}

	private void onTimer(Attempt attempt, int generation) {
		synchronized (this.monitor) {
			if (this.closed || this.pending != attempt || attempt.running || attempt.generation != generation) {
				return;
			}
			long now = this.clock.millis();
			if (now < attempt.dueMillis) {
				// Woke early (a long delay is cut in steps, or the clock went back): sleep again
				arm(attempt, now);
				return;
			}
			attempt.running = true;
		}
		fetch(attempt);
	}

	private void fetch(Attempt attempt) {
		long start = System.nanoTime();
		AuthorizationToken token = null;
		CodeArtifactTokenException failure = null;
		try {
			token = checkFresh(this.fetcher.fetch());
		}
		catch (CodeArtifactTokenException ex) {
			failure = ex;
		}
		catch (RuntimeException ex) {
			failure = new CodeArtifactTokenException(
					"Unexpected failure fetching a CodeArtifact token for domain '" + this.domain + "'", null,
					this.domain, true, ex);
		}
		long elapsedNanos = System.nanoTime() - start;
		if (token != null) {
			succeeded(attempt, token, elapsedNanos);
		}
		else {
			failed(attempt, Objects.requireNonNull(failure), elapsedNanos);
		}
	}

	/**
	 * Rejects an answer that could not be served: an expiration already past or inside the stale
	 * margin. Retryable, since the next answer is likely fine.
	 */
	private AuthorizationToken checkFresh(@Nullable AuthorizationToken token) {
		if (token == null) {
			throw new CodeArtifactTokenException(
					"CodeArtifact returned no token for domain '" + this.domain + "'", "MalformedResponse",
					this.domain, true, null);
		}
		Instant now = this.clock.instant();
		if (!this.timing.staleAt(token).isAfter(now)) {
			throw new CodeArtifactTokenException("CodeArtifact returned a token for domain '" + this.domain
					+ "' that expires at " + token.expiration() + ", already past or inside the stale margin at "
					+ now, "ExpiredTokenReceived", this.domain, true, null);
		}
		return token;
	}

	private void succeeded(Attempt attempt, AuthorizationToken token, long elapsedNanos) {
		boolean first;
		Instant nextRefresh;
		synchronized (this.monitor) {
			long now = this.clock.millis();
			first = this.current == null;
			this.refreshCount++;
			this.lastAttempt = Instant.ofEpochMilli(now);
			this.lastFailure = null;
			this.notBeforeMillis = 0;
			this.expiryReported = false;
			this.backOff.reset();
			this.current = new ServedToken(token, this.timing.staleAt(token));
			nextRefresh = this.timing.refreshAt(token, this.random);
			if (nextRefresh.toEpochMilli() < now) {
				nextRefresh = Instant.ofEpochMilli(now);
			}
			if (!this.closed) {
				scheduleAttempt(nextRefresh.toEpochMilli());
			}
		}
		attempt.outcome.complete(token);
		if (first) {
			logger.info("Fetched the first CodeArtifact token for domain '" + this.domain + "'"
					+ ((this.owner != null) ? " (owner " + this.owner + ")" : "") + ", expiring at "
					+ token.expiration());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Refreshed the CodeArtifact token for domain '" + this.domain + "', expiring at "
					+ token.expiration() + "; next refresh at " + nextRefresh);
		}
		try {
			this.listener.onRefreshed(token, elapsedNanos);
		}
		catch (RuntimeException ex) {
			logger.warn("TokenRefreshListener failed", ex);
		}
	}

	private void failed(Attempt attempt, CodeArtifactTokenException failure, long elapsedNanos) {
		Instant nextAttempt;
		@Nullable Instant expiredAt = null;
		boolean closing;
		synchronized (this.monitor) {
			closing = this.closed;
			long now = this.clock.millis();
			this.failureCount++;
			this.lastAttempt = Instant.ofEpochMilli(now);
			this.lastFailure = failure;
			Duration retryAfter = failure.getRetryAfter();
			this.notBeforeMillis = (retryAfter != null) ? now + retryAfter.toMillis() : 0;
			nextAttempt = Instant.ofEpochMilli(now + this.backOff.delayAfter(failure).toMillis());
			ServedToken served = this.current;
			if (served != null && !this.expiryReported && now >= served.token().expiration().toEpochMilli()) {
				this.expiryReported = true;
				expiredAt = served.token().expiration();
			}
			if (!this.closed) {
				scheduleAttempt(nextAttempt.toEpochMilli());
			}
		}
		attempt.outcome.completeExceptionally(failure);
		if (closing) {
			// A fetch cut short by close() is no news
			logger.debug("Fetch of a CodeArtifact token for domain '" + this.domain + "' ended by close");
			return;
		}
		logger.warn("Failed to fetch a CodeArtifact token for domain '" + this.domain + "' (error code "
				+ errorCode(failure) + ", " + (failure.isRetryable() ? "retryable" : "not retryable")
				+ "); next attempt at " + nextAttempt + ": " + failure.getMessage());
		if (expiredAt != null) {
			logger.error("The CodeArtifact token for domain '" + this.domain + "' expired at " + expiredAt
					+ " with no successor; last error code " + errorCode(failure));
		}
		try {
			this.listener.onRefreshFailed(failure, elapsedNanos, nextAttempt);
		}
		catch (RuntimeException ex) {
			logger.warn("TokenRefreshListener failed", ex);
		}
	}

	private @Nullable CodeArtifactTokenException lastFailure() {
		synchronized (this.monitor) {
			return this.lastFailure;
		}
	}

	private CodeArtifactTokenException callerFailure(String reason, @Nullable CodeArtifactTokenException failure) {
		String message = "A fresh CodeArtifact token for domain '" + this.domain + "' " + reason
				+ " (last error code " + errorCode(failure) + ")";
		if (failure == null) {
			return new CodeArtifactTokenException(message, null, this.domain, true, null);
		}
		return new CodeArtifactTokenException(message + ": " + failure.getMessage(), failure.getErrorCode(),
				this.domain, failure.isRetryable(), failure.getRetryAfter(), failure);
	}

	private CodeArtifactTokenException closedFailure() {
		return new CodeArtifactTokenException(
				"The CodeArtifact token provider for domain '" + this.domain + "' is closed", null, this.domain,
				false, null);
	}

	private CodeArtifactTokenException asTokenFailure(@Nullable Throwable cause) {
		if (cause instanceof CodeArtifactTokenException failure) {
			return failure;
		}
		return new CodeArtifactTokenException("Unexpected failure fetching a CodeArtifact token for domain '"
				+ this.domain + "'", null, this.domain, true, cause);
	}

	private static String errorCode(@Nullable CodeArtifactTokenException failure) {
		String code = (failure != null) ? failure.getErrorCode() : null;
		return (code != null) ? code : "none";
	}

	/**
	 * The token in service with its precomputed stale time; immutable, so the hot path reads it with
	 * one volatile read.
	 */
	private record ServedToken(AuthorizationToken token, Instant staleAt, long staleAtMillis) {

		ServedToken(AuthorizationToken token, Instant staleAt) {
			this(token, staleAt, staleAt.toEpochMilli());
		}

		boolean isFreshAt(long millis) {
			return millis < this.staleAtMillis;
		}

	}

	/**
	 * The next fetch: scheduled, then running, then completed. Callers share its outcome. Mutable
	 * fields are guarded by the engine's monitor.
	 */
	private static final class Attempt {

		final CompletableFuture<AuthorizationToken> outcome = new CompletableFuture<>();

		long dueMillis;

		long wakeMillis;

		boolean wakesAtOnce;

		boolean running;

		int generation;

		RefreshScheduler.@Nullable Cancellable timer;

		Attempt(long dueMillis) {
			this.dueMillis = dueMillis;
		}

		void cancelTimer() {
			RefreshScheduler.Cancellable timer = this.timer;
			if (timer != null) {
				timer.cancel();
				this.timer = null;
			}
		}

	}

	/**
	 * How a caller waits: whether it forces a fetch and whether it waits through retries.
	 */
	private enum WaitMode {

		/** A call that found no fresh token: one attempt. */
		GET(false, false),

		/** A forced refresh: a new token, retried within the wait. */
		REFRESH(true, true),

		/** The first token at startup: retried within the startup timeout. */
		FIRST(false, true);

		final boolean force;

		final boolean retry;

		WaitMode(boolean force, boolean retry) {
			this.force = force;
			this.retry = retry;
		}

	}

}
