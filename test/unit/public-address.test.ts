// When the links point at an address phones cannot open, and what `npm start` prints then.
import { describe, expect, it } from 'vitest';
import { isLoopback, publicAddressOf, startupAddressWarning } from '../../server/domain/public-address';

describe('public address', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'app.localhost'])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.10', 'saualnama.example.kz', '::'])
      expect(isLoopback(host), host).toBe(false);
  });

  it('warns without PUBLIC_URL when the link or the listener is loopback, never with it', () => {
    expect(publicAddressOf(null, '127.0.0.1', 'http://127.0.0.1:8080')).toMatchObject({
      origin: 'http://127.0.0.1:8080',
      warning: true,
    });
    expect(publicAddressOf(null, '0.0.0.0', 'http://localhost:8080').warning).toBe(true);
    expect(publicAddressOf(null, '0.0.0.0', 'http://192.168.1.10:8080').warning).toBe(false);
    expect(publicAddressOf('https://s.example.kz', '127.0.0.1', 'http://127.0.0.1:8080')).toMatchObject({
      origin: 'https://s.example.kz',
      fromPublicUrl: true,
      warning: false,
    });
  });

  it('gives npm start a warning naming PUBLIC_URL and HOST when it listens on loopback without PUBLIC_URL', () => {
    const warning = startupAddressWarning(null, '127.0.0.1');
    expect(warning).toContain('PUBLIC_URL');
    expect(warning).toContain('HOST=0.0.0.0');
    expect(startupAddressWarning('https://s.example.kz', '127.0.0.1')).toBeNull();
    expect(startupAddressWarning(null, '0.0.0.0')).toBeNull();
  });
});
