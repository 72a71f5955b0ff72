// npm run bundle:cli (and npm pack, through prepack): the command line as one
// module for Node 20 and newer in dist-cli/, with its search client.
import { bundleCli } from '../src/cli/pack.ts';

await bundleCli('dist-cli');
