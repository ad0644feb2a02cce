package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.codeartifact.autoconfigure.CodeArtifactTokenLifecycle;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenRefreshListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the user's login files fresh ({@code codeartifact.build-tools.login-files.enabled}): on
 * each new token, and once at start, it sets the configured repositories' token lines in
 * {@code .npmrc} and {@code pip.conf}, {@code .pypirc}, Maven's {@code settings.xml} and
 * Gradle's {@code gradle.properties}, so that a tool started outside the application finds a
 * valid token. Only the files of the configured formats are touched: npm for {@code .npmrc}, PyPI
 * for {@code pip.conf} and {@code .pypirc}, Maven for {@code settings.xml} and
 * {@code gradle.properties}.
 * <p>
 * Each file is edited by its format's rules, keeps every other byte, and is replaced atomically
 * ({@link AtomicLoginFile}). A file that is not in its tool's format is left untouched, with a
 * WARN and its status {@link LoginFileOutcome#UNPARSEABLE}. With {@code remove-on-shutdown} the
 * token lines are removed again when the application stops; otherwise they stay and expire.
 * <p>
 * The engine tells its listeners on its refresh thread: a write there takes milliseconds (the
 * endpoints are resolved once, at start), and a failure is recorded, never thrown.
 */
public final class BuildToolLoginFiles implements TokenRefreshListener, SmartLifecycle {

	/** After the token lifecycle has started (the first token is there), stopped before it. */
	static final int PHASE = CodeArtifactTokenLifecycle.PHASE + 1;

	private static final Log logger = LogFactory.getLog(BuildToolLoginFiles.class);

	private final List<Target> targets;

	private final Supplier<List<ResolvedRepository>> repositories;

	private final Supplier<AuthorizationToken> currentToken;

	private final boolean removeOnShutdown;

	private final Clock clock;

	private final Map<LoginFileKind, LoginFileStatus> statuses = new EnumMap<>(LoginFileKind.class);

	private final Map<LoginFileKind, Map<LoginFileOutcome, AtomicLong>> writes = new EnumMap<>(LoginFileKind.class);

	private boolean written;

	private volatile boolean running;

	/**
	 * Creates the login files of the configured repositories' formats.
	 * @param configured the configured repositories
	 * @param paths the file of each kind
	 * @param pipIndex which pip index option the PyPI repositories become
	 * @param removeOnShutdown whether {@link #stop()} removes the token lines
	 * @param repositories the repositories with their endpoints, resolved when first needed
	 * @param currentToken the token in service, for the write at start
	 * @param clock the clock of the write times
	 */
	BuildToolLoginFiles(List<BuildToolRepository> configured, Map<LoginFileKind, Path> paths, PipIndex pipIndex,
			boolean removeOnShutdown, Supplier<List<ResolvedRepository>> repositories,
			Supplier<AuthorizationToken> currentToken, Clock clock) {
		this.repositories = Objects.requireNonNull(repositories, "repositories must not be null");
		this.currentToken = Objects.requireNonNull(currentToken, "currentToken must not be null");
		this.removeOnShutdown = removeOnShutdown;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		List<Target> targets = new ArrayList<>();
		for (LoginFileKind kind : LoginFileKind.values()) {
			LoginFileEditor editor = editor(kind, pipIndex);
			if (configured.stream().anyMatch((repository) -> repository.format() == formatOf(kind))) {
				Path path = Objects.requireNonNull(paths.get(kind), () -> "no path for " + kind);
				targets.add(new Target(kind, new AtomicLoginFile(path, editor.charset()), editor));
				this.statuses.put(kind, new LoginFileStatus(kind.tag(), path.toString(), null, null, null));
				Map<LoginFileOutcome, AtomicLong> counts = new EnumMap<>(LoginFileOutcome.class);
				for (LoginFileOutcome outcome : LoginFileOutcome.values()) {
					counts.put(outcome, new AtomicLong());
				}
				this.writes.put(kind, counts);
			}
		}
		this.targets = List.copyOf(targets);
	}

	private static LoginFileEditor editor(LoginFileKind kind, PipIndex pipIndex) {
		return switch (kind) {
			case NPMRC -> new NpmrcEditor();
			case PIP_CONF -> new PipConfEditor(pipIndex);
			case PYPIRC -> new PypircEditor();
			case MAVEN_SETTINGS -> new MavenSettingsEditor();
			case GRADLE_PROPERTIES -> new GradlePropertiesEditor();
		};
	}

	private static PackageFormat formatOf(LoginFileKind kind) {
		return switch (kind) {
			case NPMRC -> PackageFormat.NPM;
			case PIP_CONF, PYPIRC -> PackageFormat.PYPI;
			case MAVEN_SETTINGS, GRADLE_PROPERTIES -> PackageFormat.MAVEN;
		};
	}

	@Override
	public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
		write(token.token());
	}

	/**
	 * Sets the token lines of every file.
	 * @param token the token
	 */
	synchronized void write(String token) {
		this.written = true;
		List<ResolvedRepository> resolved = resolve(token);
		if (resolved != null) {
			for (Target target : this.targets) {
				edit(target, (content) -> target.editor().write(content, resolved, token), true, token,
						LoginFileOutcome.WRITTEN);
			}
		}
	}

	/** Removes the token lines of every file. */
	synchronized void remove() {
		List<ResolvedRepository> resolved = resolve(null);
		if (resolved != null) {
			for (Target target : this.targets) {
				edit(target, (content) -> target.editor().remove(content, resolved), false, null,
						LoginFileOutcome.REMOVED);
			}
		}
	}

	private @Nullable List<ResolvedRepository> resolve(@Nullable String token) {
		try {
			return this.repositories.get();
		}
		catch (RuntimeException ex) {
			String reason = "the repositories' endpoints could not be resolved: " + redact(ex.getMessage(), token);
			logger.warn("CodeArtifact login files not written, " + reason + ". They are written with the next token.");
			for (Target target : this.targets) {
				record(target, LoginFileOutcome.FAILED, reason);
			}
			return null;
		}
	}

	private void edit(Target target, Function<String, String> edit, boolean create, @Nullable String token,
			LoginFileOutcome success) {
		Path path = target.file().path();
		try {
			String content = target.file().read();
			if (content == null && !create) {
				return;
			}
			String current = (content != null) ? content : "";
			String edited = edit.apply(current);
			if (content == null || !edited.equals(current)) {
				target.file().write(edited);
			}
			record(target, success, null);
		}
		catch (UnparseableLoginFileException ex) {
			String problem = redact(ex.getMessage(), token);
			String reason = problem + (problem.endsWith(".") ? " " : ". ") + ex.getFix();
			logger.warn("CodeArtifact login file " + path + " left untouched: " + reason);
			record(target, LoginFileOutcome.UNPARSEABLE, reason);
		}
		catch (IOException | RuntimeException ex) {
			String reason = ex.getClass().getSimpleName() + ": " + redact(ex.getMessage(), token);
			logger.warn("CodeArtifact login file " + path + " could not be written (" + reason + "); it is as it was. "
					+ "Check its permissions and the free space, or point "
					+ CodeArtifactBuildToolsProperties.PREFIX + ".login-files." + target.kind().tag()
					+ " at another file.");
			record(target, LoginFileOutcome.FAILED, reason);
		}
	}

	private static String redact(@Nullable String message, @Nullable String token) {
		String text = (message != null) ? message : "(no message)";
		return (token != null && !token.isEmpty()) ? text.replace(token, "<token>") : text;
	}

	private void record(Target target, LoginFileOutcome outcome, @Nullable String reason) {
		LoginFileStatus previous = this.statuses.get(target.kind());
		this.statuses.put(target.kind(),
				new LoginFileStatus(previous.kind(), previous.path(), outcome, this.clock.instant(), reason));
		this.writes.get(target.kind()).get(outcome).incrementAndGet();
	}

	/**
	 * Returns where each login file stands.
	 * @return the files of the configured formats
	 */
	public synchronized List<LoginFileStatus> status() {
		return List.copyOf(this.statuses.values());
	}

	/**
	 * Returns the files whose last write did not succeed, for the health details.
	 * @return kind to status, empty when all are fine
	 */
	public synchronized Map<String, LoginFileStatus> problems() {
		Map<String, LoginFileStatus> problems = new LinkedHashMap<>();
		this.statuses.forEach((kind, status) -> {
			if (status.outcome() == LoginFileOutcome.UNPARSEABLE || status.outcome() == LoginFileOutcome.FAILED) {
				problems.put(kind.tag(), status);
			}
		});
		return problems;
	}

	/**
	 * Returns the kinds of the files kept fresh.
	 * @return the kinds of the configured formats
	 */
	public List<LoginFileKind> kinds() {
		return this.targets.stream().map(Target::kind).toList();
	}

	/**
	 * Returns how many writes of a file ended so.
	 * @param kind the file
	 * @param outcome the outcome
	 * @return the count since the application started
	 */
	public long writes(LoginFileKind kind, LoginFileOutcome outcome) {
		Map<LoginFileOutcome, AtomicLong> counts = this.writes.get(kind);
		return (counts != null) ? counts.get(outcome).get() : 0;
	}

	/**
	 * Writes the files with the token in service, unless a new token has been written already.
	 * The lock is held throughout, so a new token that arrives meanwhile is written after, never
	 * before, the one in service (the engine releases callers before it tells its listeners).
	 */
	@Override
	public synchronized void start() {
		this.running = true;
		if (this.written) {
			return;
		}
		AuthorizationToken token;
		try {
			token = this.currentToken.get();
		}
		catch (CodeArtifactTokenException ex) {
			logger.warn("CodeArtifact login files not written at start: no token yet (" + ex.getMessage()
					+ "). They are written with the first token.");
			return;
		}
		write(token.token());
	}

	/** Removes the token lines when {@code remove-on-shutdown} is set; otherwise they stay and expire. */
	@Override
	public void stop() {
		this.running = false;
		if (this.removeOnShutdown) {
			remove();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public String toString() {
		return "BuildToolLoginFiles" + kinds();
	}

	private record Target(LoginFileKind kind, AtomicLoginFile file, LoginFileEditor editor) {
	}

}
