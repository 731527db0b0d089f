package dev.s3aas.cli.client;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code s3aas completion bash|zsh}: picocli's completion script for the whole command tree. It is one script
 * for both shells: under zsh it switches on {@code bashcompinit} itself, so {@code zsh} prints the same text
 * (the argument exists so users need not know that, and so a zsh-native script can replace it later).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script.",
        footer = {"", "bash:  source <(s3aas completion bash)     (or save it in /etc/bash_completion.d/s3aas)",
            "zsh:   source <(s3aas completion zsh)      (e.g. in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells the script supports. */
    enum Shell {
        BASH, ZSH
    }

    /** Completes the shell names as typed (lower case), not as the enum spells them. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh").iterator();
        }
    }

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh.")
    Shell shell;

    CompletionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        // One script for both shells (see the class comment), so the value only has to be valid.
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        cli.out().print(script);
        cli.out().flush();
        return 0;
    }
}
