import assert from 'node:assert/strict';
import * as path from 'node:path';
import { redactConfig, resolveConfig, type ConfigSources } from '../../src/config';
import { ConfigError } from '../../src/errors';

const resolve = (env: ConfigSources['env'], flags: ConfigSources['flags'] = {}) => resolveConfig({ env, flags, homedir: '/home/ada' });

describe('configuration resolution', () => {
  it('defaults to ~/.graphwire and the bundled server on loopback with auth on', () => {
    const config = resolve({});
    assert.equal(config.home, '/home/ada/.graphwire');
    assert.equal(config.external, undefined);
    assert.deepEqual(config.bundled, { host: '127.0.0.1', port: 7688, heap: '512m', pagecache: '512m', auth: true, startTimeoutMs: 180_000 });
  });

  const precedence: Array<[string, ConfigSources['env'], ConfigSources['flags'], string]> = [
    ['env sets the home', { GRAPHWIRE_HOME: '/data/gw' }, {}, '/data/gw'],
    ['a flag beats env', { GRAPHWIRE_HOME: '/data/gw' }, { home: '/srv/gw' }, '/srv/gw'],
    ['a blank env value counts as unset', { GRAPHWIRE_HOME: '  ' }, {}, '/home/ada/.graphwire'],
    ['a relative home is made absolute', { GRAPHWIRE_HOME: 'rel/gw' }, {}, path.resolve('rel/gw')],
  ];
  for (const [name, env, flags, home] of precedence) {
    it(name, () => assert.equal(resolve(env, flags).home, home));
  }

  it('uses the user’s server when NEO4J_URI is set, with username defaulting to neo4j', () => {
    const config = resolve({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io', NEO4J_PASSWORD: 's3cret', NEO4J_DATABASE: 'news' });
    assert.deepEqual(config.external, { uri: 'neo4j+s://abcd.databases.neo4j.io', username: 'neo4j', password: 's3cret' });
    assert.equal(config.database, 'news');
  });

  it('lets flags override the connection environment', () => {
    const config = resolve({ NEO4J_URI: 'bolt://a:7687', NEO4J_USERNAME: 'u1' }, { neo4jUri: 'neo4j://b:7687', neo4jUsername: 'u2', neo4jPassword: 'p' });
    assert.deepEqual(config.external, { uri: 'neo4j://b:7687', username: 'u2', password: 'p' });
  });

  it('treats a server without a password as authentication off', () => {
    assert.equal(resolve({ NEO4J_URI: 'bolt://localhost:7687' }).external?.password, undefined);
  });

  it('redacts the password for display and leaves the original alone', () => {
    const config = resolve({ NEO4J_URI: 'bolt://x:7687', NEO4J_PASSWORD: 'hunter2' });
    assert.equal(redactConfig(config).external?.password, '***');
    assert.equal(config.external?.password, 'hunter2');
    assert.ok(!JSON.stringify(redactConfig(config)).includes('hunter2'));
  });

  it('reads the bundled server settings from the environment', () => {
    const config = resolve({ GRAPHWIRE_NEO4J_PORT: '0', GRAPHWIRE_NEO4J_HEAP: '1G', GRAPHWIRE_NEO4J_PAGECACHE: '256m', GRAPHWIRE_NEO4J_AUTH: 'false' });
    assert.equal(config.bundled.port, 0);
    assert.equal(config.bundled.heap, '1g');
    assert.equal(config.bundled.pagecache, '256m');
    assert.equal(config.bundled.auth, false);
  });

  const errors: Array<[string, ConfigSources['env'], ConfigSources['flags'], RegExp]> = [
    ['a URI with an unknown scheme', { NEO4J_URI: 'http://localhost:7474' }, {}, /not a Neo4j URI.*neo4j\+s:\/\//],
    ['a URI without a scheme', { NEO4J_URI: 'localhost:7687' }, {}, /not a Neo4j URI/],
    ['a password without a URI', { NEO4J_PASSWORD: 'x' }, {}, /NEO4J_PASSWORD is set but NEO4J_URI is not/],
    ['a port out of range', { GRAPHWIRE_NEO4J_PORT: '70000' }, {}, /not a port number/],
    ['a port flag that is not a number', {}, { neo4jPort: 'abc' }, /"abc" is not a port number/],
    ['a heap without a unit', { GRAPHWIRE_NEO4J_HEAP: '512' }, {}, /GRAPHWIRE_NEO4J_HEAP="512" is not a size/],
    ['a boolean that is not one', { GRAPHWIRE_NEO4J_AUTH: 'maybe' }, {}, /GRAPHWIRE_NEO4J_AUTH="maybe" is not a boolean/],
    ['auth off on a non-loopback address', { GRAPHWIRE_NEO4J_AUTH: 'false', GRAPHWIRE_NEO4J_HOST: '0.0.0.0' }, {}, /only allowed with a loopback host/],
    ['a start timeout of zero', { GRAPHWIRE_NEO4J_START_TIMEOUT: '0' }, {}, /not a positive whole number/],
  ];
  for (const [name, env, flags, message] of errors) {
    it(`refuses ${name} with a ConfigError`, () => {
      assert.throws(() => resolve(env, flags), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }
});
