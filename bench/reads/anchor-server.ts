/**
 * The anchor of the reads benchmark: a bare Nest + Fastify server answering one primary-key read
 * of the `game` row from the same PostgreSQL (a pool of 10, as Courtside's), no guards, no
 * interceptors, no logging. What a read costs when the framework and the database do nothing else.
 * Started by reads.bench.ts: `node --import tsx anchor-server.ts <port> <database url>`.
 */
import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

@Controller('games')
class GameController {
  @Get(':id')
  async get(@Param('id') id: string) {
    const { rows } = await pool.query(
      `SELECT id, tournament_id AS "tournamentId", home_team_id AS "homeTeamId", away_team_id AS "awayTeamId",
              status, home_score AS "homeScore", away_score AS "awayScore", period, version,
              created_at AS "createdAt", updated_at AS "updatedAt"
         FROM game WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException();
    return rows[0];
  }
}

@Module({ controllers: [GameController] })
class AnchorModule {}

const app = await NestFactory.create<NestFastifyApplication>(AnchorModule, new FastifyAdapter(), { logger: false });
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.({ type: 'ready' });
