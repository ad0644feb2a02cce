package io.github.codeartifact.buildtools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.codeartifact.token.AuthorizationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.codeartifact.buildtools.LoginFileEditorCases.NEXT_TOKEN;
import static io.github.codeartifact.buildtools.LoginFileEditorCases.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BuildToolLoginFiles} on a real file system: atomic writes with a backup of the file as it
 * was, mode 0600 (parents 0700), an unparseable file left untouched with a WARN and its status,
 * removal at shutdown when asked, and never the token in a status or a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class BuildToolLoginFilesTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final List<ResolvedRepository> REPOSITORIES = List.of(
			LoginFileEditorCases.repository("codeartifact", PackageFormat.MAVEN, null, "/maven/my-repo/"),
			LoginFileEditorCases.repository("ca-npm", PackageFormat.NPM, null, "/npm/my-repo/"),
			LoginFileEditorCases.repository("ca-pypi", PackageFormat.PYPI, null, "/pypi/my-repo/"));

	@TempDir
	Path home;

	@Test
	void writesEveryFileWithMode0600InPrivateNewDirectoriesAndKeepsOneBackup() throws Exception {
		Path settings = Files.createDirectories(this.home.resolve(".m2")).resolve("settings.xml");
		String original = "<settings>\n  <!-- mine -->\n  <servers/>\n</settings>\n";
		Files.writeString(settings, original);
		BuildToolLoginFiles files = loginFiles(false);
		files.write(TOKEN);
		assertThat(files.status()).extracting(LoginFileStatus::outcome).containsOnly(LoginFileOutcome.WRITTEN);
		for (Path path : paths().values()) {
			assertThat(Files.readString(path)).as(path.toString()).contains(TOKEN);
			assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		}
		assertThat(Files.getPosixFilePermissions(this.home.resolve(".config")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(this.home.resolve(".config/pip")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		Path backup = this.home.resolve(".m2/settings.xml.codeartifact-backup");
		assertThat(backup).hasContent(original);
		assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		files.write(NEXT_TOKEN);
		assertThat(backup).hasContent(original);
		assertThat(Files.readString(settings)).contains("<!-- mine -->", NEXT_TOKEN).doesNotContain(TOKEN);
		// the backup of a file that did not exist is empty; no temporary file is left
		try (var listing = Files.list(this.home)) {
			assertThat(listing.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder(".m2",
					".config", ".npmrc", ".pypirc", ".gradle", ".npmrc.codeartifact-backup",
					".pypirc.codeartifact-backup");
		}
		assertThat(this.home.resolve(".npmrc.codeartifact-backup")).isEmptyFile();
		try (var listing = Files.list(this.home.resolve(".m2"))) {
			assertThat(listing.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder("settings.xml",
					"settings.xml.codeartifact-backup");
		}
		assertThat(files.writes(LoginFileKind.MAVEN_SETTINGS, LoginFileOutcome.WRITTEN)).isEqualTo(2);
	}

	@Test
	void aFileOfLooserModeBecomes0600AndASymbolicLinkIsFollowed() throws Exception {
		Path target = Files.writeString(this.home.resolve("dotfiles-npmrc"), "fund=false\n");
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
		Files.createSymbolicLink(this.home.resolve(".npmrc"), target);
		loginFiles(false).write(TOKEN);
		assertThat(this.home.resolve(".npmrc")).isSymbolicLink();
		assertThat(Files.readString(target)).startsWith("fund=false\n").contains(TOKEN);
		assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void anUnparseableFileIsLeftUntouchedWithAWarnAndAStatusAndTheOthersAreWritten(CapturedOutput output)
			throws Exception {
		Path settings = Files.createDirectories(this.home.resolve(".m2")).resolve("settings.xml");
		byte[] broken = ("<settings><servers><server><id>codeartifact</id><password>" + TOKEN
				+ "</password></server>\n</settings>").getBytes(StandardCharsets.UTF_8);
		Files.write(settings, broken);
		BuildToolLoginFiles files = loginFiles(false);
		files.write(TOKEN);
		assertThat(Files.readAllBytes(settings)).isEqualTo(broken);
		assertThat(this.home.resolve(".m2/settings.xml.codeartifact-backup")).doesNotExist();
		Map<String, LoginFileStatus> problems = files.problems();
		assertThat(problems).containsOnlyKeys("maven-settings");
		LoginFileStatus status = problems.get("maven-settings");
		assertThat(status.outcome()).isEqualTo(LoginFileOutcome.UNPARSEABLE);
		assertThat(status.lastWrite()).isEqualTo(NOW);
		assertThat(status.reason()).startsWith("settings.xml is not well-formed XML: line 2").contains("Fix the XML")
			.doesNotContain(TOKEN);
		assertThat(output).contains("WARN", "CodeArtifact login file " + settings + " left untouched",
				"settings.xml is not well-formed XML: line 2");
		assertThat(output.getAll()).doesNotContain(TOKEN);
		assertThat(this.home.resolve(".npmrc")).content().contains(TOKEN);
		assertThat(files.writes(LoginFileKind.MAVEN_SETTINGS, LoginFileOutcome.UNPARSEABLE)).isOne();
		assertThat(files.status().stream().map(Object::toString).collect(Collectors.joining())).doesNotContain(TOKEN);
	}

	@Test
	void aFileThatIsNotUtf8IsLeftUntouched() throws Exception {
		Path npmrc = this.home.resolve(".npmrc");
		Files.write(npmrc, new byte[] { 'a', '=', (byte) 0xC3, (byte) 0x28, '\n' });
		BuildToolLoginFiles files = loginFiles(false);
		files.write(TOKEN);
		assertThat(Files.readAllBytes(npmrc)).containsExactly('a', '=', (byte) 0xC3, (byte) 0x28, '\n');
		assertThat(files.problems().get("npmrc").reason()).startsWith(".npmrc is not UTF-8 text");
	}

	@Test
	void aFileThatCannotBeWrittenIsAFailure(CapturedOutput output) throws Exception {
		// A file where its directory should be: the write fails, whoever runs the test (root too)
		Files.writeString(this.home.resolve(".gradle"), "not a directory\n");
		BuildToolLoginFiles files = loginFiles(false);
		files.write(TOKEN);
		assertThat(this.home.resolve(".gradle")).hasContent("not a directory\n");
		LoginFileStatus status = files.problems().get("gradle-properties");
		assertThat(status.outcome()).isEqualTo(LoginFileOutcome.FAILED);
		assertThat(status.reason()).contains("Exception").doesNotContain(TOKEN);
		assertThat(output).contains("could not be written", "codeartifact.build-tools.login-files.gradle-properties");
		assertThat(files.problems()).containsOnlyKeys("gradle-properties");
	}

	@Test
	void stopRemovesTheTokenLinesOnlyWhenAsked() throws Exception {
		Files.writeString(this.home.resolve(".npmrc"), "fund=false\n");
		BuildToolLoginFiles keep = loginFiles(false);
		keep.start();
		keep.stop();
		assertThat(this.home.resolve(".npmrc")).content().contains(TOKEN);
		BuildToolLoginFiles remove = loginFiles(true);
		remove.start();
		remove.stop();
		assertThat(this.home.resolve(".npmrc")).hasContent("fund=false\n");
		for (Path path : paths().values()) {
			assertThat(Files.readString(path)).as(path.toString()).doesNotContain(TOKEN);
		}
		assertThat(remove.status()).extracting(LoginFileStatus::outcome).containsOnly(LoginFileOutcome.REMOVED);
	}

	@Test
	void aNewTokenBeforeStartIsNotWrittenTwice() {
		BuildToolLoginFiles files = loginFiles(false);
		files.onRefreshed(new AuthorizationToken(NEXT_TOKEN, NOW.plusSeconds(3600), NOW), 0);
		files.start();
		assertThat(this.home.resolve(".npmrc")).content().contains(NEXT_TOKEN);
		assertThat(files.writes(LoginFileKind.NPMRC, LoginFileOutcome.WRITTEN)).isOne();
	}

	private BuildToolLoginFiles loginFiles(boolean removeOnShutdown) {
		return new BuildToolLoginFiles(REPOSITORIES.stream().map(ResolvedRepository::repository).toList(), paths(),
				PipIndex.INDEX_URL, removeOnShutdown, () -> REPOSITORIES,
				() -> new AuthorizationToken(TOKEN, NOW.plusSeconds(3600), NOW), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private Map<LoginFileKind, Path> paths() {
		Map<LoginFileKind, Path> paths = new EnumMap<>(LoginFileKind.class);
		paths.putAll(LoginFilePaths.of(new CodeArtifactBuildToolsProperties.LoginFiles(),
				REPOSITORIES.stream().map(ResolvedRepository::repository).toList(), this.home, null));
		return paths;
	}

}
