// npm run bundle:cli (and npm pack, through prepack): the command line as one
// module for Node 20 and newer in dist-cli/, with its search client, and the
// maintainers' commands (build, dev, check, new, init) beside it.
import { bundleCli, bundleSiteCommands } from '../src/cli/pack.ts';

await bundleCli('dist-cli');
await bundleSiteCommands('dist-cli');
