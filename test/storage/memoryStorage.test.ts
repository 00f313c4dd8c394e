import { MemoryStorage } from 'botbuilder';
import { storageContract } from './storageContract.js';

// The reference implementation: if the contract disagrees with MemoryStorage, the contract is wrong.
storageContract('MemoryStorage', () => new MemoryStorage());
