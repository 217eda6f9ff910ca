package dev.privscreen.cli;

import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.universe.Member;
import dev.privscreen.universe.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen universe}: the members and how they map to exchange pairs. */
@Command(
    name = "universe",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  privscreen universe", "  privscreen universe --format csv --fields id,symbol,okx"},
    sortOptions = false,
    description = {
      "Show the category's members and how they map to exchange pairs.",
      "Built in, changed by universe.json in the config directory:"
          + " {\"add\": [{\"id\", \"symbol\", \"name\", \"pairs\"}], \"remove\": [ids],"
          + " \"pairs\": {id: {venue: pair or null}}}."
    })
final class UniverseCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.universe/1";

  static final List<NamedColumn<Member>> COLUMNS = columns();

  private static List<NamedColumn<Member>> columns() {
    List<NamedColumn<Member>> c = new ArrayList<>();
    c.add(new NamedColumn<>("id", Kind.TEXT, Member::id));
    c.add(new NamedColumn<>("symbol", Kind.TEXT, Member::symbol));
    c.add(new NamedColumn<>("name", Kind.TEXT, Member::name));
    c.add(new NamedColumn<>("categories", Kind.IDS, Member::categories));
    for (String venue : Member.VENUES) {
      c.add(new NamedColumn<>(venue, Kind.TEXT, m -> m.pair(venue)));
    }
    c.add(new NamedColumn<>("origin", Kind.TEXT, Member::origin));
    return List.copyOf(c);
  }

  @ParentCommand RootCommand root;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    Universe u = Universe.load(root.global.config(ctx).universe());
    RecordOutput.list(
        output.format(),
        OutputOptions.style(ctx, root.global),
        output.out(ctx, true),
        g -> g.writeStringField("schema", SCHEMA),
        "members",
        u.members(),
        output.select(COLUMNS));
    return ExitCode.OK.code;
  }
}
