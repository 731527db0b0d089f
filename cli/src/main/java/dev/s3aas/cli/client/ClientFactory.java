package dev.s3aas.cli.client;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Picocli's factory: classes with a {@code (Cli)} constructor get the process's {@link Cli} (constructor
 * injection instead of reading {@code System.out} and the environment everywhere); the rest picocli's default.
 */
public final class ClientFactory implements IFactory {
    private final Cli cli;
    private final IFactory fallback = CommandLine.defaultFactory();

    public ClientFactory(Cli cli) {
        this.cli = cli;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Constructor<K> c;
        try {
            c = cls.getDeclaredConstructor(Cli.class);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
        c.setAccessible(true);
        return c.newInstance(cli);
    }
}
